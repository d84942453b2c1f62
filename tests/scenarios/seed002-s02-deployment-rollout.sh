# config: seed002-cluster.yaml
# seed: 2
# Seed 002 S002-02: Deployment nginx-deployment-demo in namespace demo (3 replicas, nginx:1.14.2, template labels
# app=nginx, version=v1), created with `kubectl create -f deploy-demo.yaml`, then updated to v2 with apply.
kubectl create ns demo
# The material's file is indented with no-break spaces (U+00A0). YAML does not read them as indentation, so every
# indented line becomes an unknown top-level key and metadata and spec are null; v1.34 validates fields strictly
# on the server and refuses the object.
kubectl create -f ../../../shared/walkthroughs/manifests/002/01-nginx-deployment-demo-v1.yaml
# The same manifest with ordinary spaces.
kubectl create -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment-demo
  namespace: demo
  labels:
    app: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
        version: v1
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
EOF2
sleep 1
# The material's pods spent about a minute pulling nginx:1.14.2; the simulated registry is faster.
kubectl get rs -n demo
kubectl get pod -n demo -l app=nginx,version=v1
sleep 5
kubectl get pod -n demo -l app=nginx,version=v1
# The v2 file (template label version=v2, nginx:1.19.2). The Deployment was made by `create` without --save-config,
# so apply warns that the last-applied annotation is missing (v1.34's wording is longer than the material's).
kubectl apply -f ../../../shared/walkthroughs/manifests/002/02-nginx-deployment-demo-v2.yaml
sleep 1
# 3 replicas: maxSurge 25% rounds up to 1, maxUnavailable 25% rounds down to 0. One new pod is added and no old
# pod goes until it is available.
kubectl get rs -n demo
kubectl get pod -n demo -l app=nginx,version=v1
kubectl get pod -n demo -l app=nginx
sleep 3
# The first v2 pod is Running: a second one starts and one v1 pod terminates.
kubectl get pod -n demo -l app=nginx,version=v2
kubectl get pod -n demo -l app=nginx,version=v1
sleep 1
kubectl get pod -n demo -l app=nginx,version=v2
kubectl get pod -n demo -l app=nginx,version=v1
sleep 5
kubectl get pod -n demo -l app=nginx,version=v2
# The old ReplicaSet stays, scaled to 0, for rollbacks.
kubectl get rs -n demo
kubectl get pod -n demo -l app=nginx,version=v1
# `kubectl get pod -n demo -l app=nginx -w` streams these changes; the events tell the same story. The material's
# `Scaled up replica set ... to 1` reads `from 0 to 1` in v1.34.
kubectl get events -n demo --field-selector involvedObject.kind=Deployment
