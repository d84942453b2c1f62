# config: my-cluster.yaml
# Seed 003 S003-01: the cluster inventory. v1.34 nodes carry only the control-plane role (the material's
# v1.21 cluster also showed the legacy `master` role and taint).
kubectl get nodes -o wide
# S003-02: short names work everywhere.
kubectl get no
kubectl get po -A
# S003-03: generate a manifest with a client-side dry run, apply it, look at the pod.
kubectl create deployment web --image=nginx:1.14 --dry-run=client -o yaml > web.yaml
cat web.yaml
kubectl apply -f web.yaml
sleep 30
kubectl get deploy,po -o wide
# S003-04: scale up to 10; new pods appear at once, some Pending, some ContainerCreating, and all land on my-node.
kubectl scale deploy web --replicas=10
sleep 0.5
kubectl get po
sleep 30
kubectl get po -o wide
# S003-05: scale down to 1; nine pods terminate and disappear.
kubectl scale deploy web --replicas=1
sleep 0.2
kubectl get po
sleep 5
kubectl get po
