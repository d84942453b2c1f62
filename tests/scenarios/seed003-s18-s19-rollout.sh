# config: my-cluster.yaml
# Seed 003 S003-18: a rolling update of the one-replica Deployment `web` from nginx:1.14 to nginx:1.15 behind the
# ClusterIP Service `web`. The material's curl loop needs the pod runtime's HTTP model and is left out.
kubectl apply -f ../../../shared/walkthroughs/manifests/003/18-web-deployment-nginx-1.14-rollout.yaml -f ../../../shared/walkthroughs/manifests/003/19-web-svc-clusterip-rollout-demo.yaml
kubectl rollout status deploy web
sleep 60
# The material edits web.yaml in place; the edited copy is written here.
cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.15
        name: nginx
status: {}
EOF
kubectl apply -f web.yaml
# Default strategy on 1 replica: maxSurge rounds up to 1 and maxUnavailable down to 0, so the new pod is Running
# and Ready before the old one starts Terminating. The material's listing has `pod/` prefixes, which kubectl prints
# only when several types are listed.
sleep 4
kubectl get po
sleep 1
kubectl get po
kubectl rollout status deploy web
kubectl rollout history deployment web
# Seed 003 S003-19: roll back; the old ReplicaSet (same hash) scales up again and becomes revision 3.
kubectl get rs
kubectl rollout undo deploy web
kubectl rollout status deploy web
kubectl get rs
kubectl rollout history deployment web
kubectl rollout undo deploy web --to-revision=2
kubectl rollout status deploy web
# Revision 2 was reused and is now revision 4; revision 1 is gone since the first undo.
kubectl rollout history deployment web
kubectl rollout undo deploy web --to-revision=1
kubectl get deploy,rs,po
