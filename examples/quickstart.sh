# KubePlay quickstart: a Deployment from creation to a rolling update.
kubectl get nodes
kubectl create deployment web --image=nginx:1.14.2 --replicas=3
sleep 20
kubectl get pods -o wide
kubectl scale deployment web --replicas=5
sleep 15
kubectl get deploy web
# Roll to a new image: a new ReplicaSet scales up while the old one scales down.
kubectl set image deployment/web nginx=nginx:1.16.1
sleep 5
kubectl get rs
sleep 40
kubectl get rs
kubectl get pods
kubectl describe deployment web
