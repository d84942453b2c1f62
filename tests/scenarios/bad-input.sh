# Bad input gets kubectl's errors and changes nothing else.
kubectl get foo
kubectl get pod nosuchpod
kubectl apply -f missing.yaml
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replica: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: Web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f - <<EOF
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
EOF
kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: good
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: bad
 data:
  b: 2
EOF
kubectl get configmaps
kubectl delete deployment web
kubectl scale deployment nosuch --replicas=2
kubectl get deploy
