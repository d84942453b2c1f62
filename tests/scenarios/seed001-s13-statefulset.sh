# Seed 001 S13: a headless Service (clusterIP: None) and the StatefulSet `web` that names it in serviceName.
# The material's Service list also shows `nginx-svc` from an earlier section; this cluster starts fresh.
kubectl create -f ../../../shared/walkthroughs/manifests/001/05-service-nginx-headless.yaml
kubectl get svc
# The material's "missing required field serviceName" error came from an older kubectl's client-side schema;
# in v1.34 serviceName is optional, so it is not reproduced here.
kubectl create -f ../../../shared/walkthroughs/manifests/001/06-statefulset-web.yaml
# OrderedReady: web-0 first; web-1 is created only once web-0 is Running and Ready.
kubectl get pods -l app=nginx
sleep 2
kubectl get pods -l app=nginx
sleep 5
kubectl get pods -l app=nginx
sleep 10
kubectl get pods -l app=nginx
kubectl get sts
kubectl get pods -l app=nginx -o wide
# Stable identity: ordinal labels, the revision hash, and hostname.subdomain (web-0.nginx) for DNS.
kubectl get pods -l app=nginx --show-labels
kubectl get pod web-0 -o jsonpath='{.spec.hostname}.{.spec.subdomain}{"\n"}'
kubectl get events --field-selector involvedObject.kind=StatefulSet
# Ordered termination: scaled to 0, the highest ordinal goes first and web-0 only after web-1 is gone
# (short sleeps stand in for `kubectl get pods -w`; nginx stops within a second of SIGTERM).
# `kubectl delete sts web` instead removes the pods through the garbage collector, in no particular order.
kubectl scale sts web --replicas=0
sleep 0.2
kubectl get pods -l app=nginx
sleep 0.4
kubectl get pods -l app=nginx
sleep 5
kubectl get pods -l app=nginx
kubectl get sts
kubectl get events --field-selector involvedObject.kind=StatefulSet
