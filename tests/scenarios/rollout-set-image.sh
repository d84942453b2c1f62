# A rolling update with `kubectl set image`: the new ReplicaSet scales up while the old one scales down,
# never dropping below 3 - 25% available pods; at the end the old ReplicaSet is kept at 0 for rollbacks.
kubectl create deployment web --image=nginx:1.14.2 --replicas=3
sleep 30
kubectl get rs
kubectl set image deployment/web nginx=nginx:1.16.1
sleep 1
kubectl get rs
kubectl get pods
sleep 30
kubectl get rs
kubectl get pods
kubectl describe deployment web
