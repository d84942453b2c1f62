# config: seed002-cluster.yaml
# seed: 2
# Seed 002 S002-03: the headless Service nginx-demo (clusterIP: None) and the StatefulSet web-demo that names it
# in serviceName (2 replicas of nginx:1.19.2-alpine), in namespace demo. The material's files are nginx-svc.yaml
# and web-sts.yaml.
kubectl create ns demo
kubectl create -f ../../../shared/walkthroughs/manifests/002/03-nginx-demo-headless-svc.yaml
sleep 5
kubectl get svc -n demo
kubectl create -f ../../../shared/walkthroughs/manifests/002/04-web-demo-sts.yaml
# The material watches with `kubectl get pod -n demo -w`; a script samples instead. web-demo-1 is created only
# once web-demo-0 is Running and Ready.
sleep 2
kubectl get pod -n demo
kubectl get sts -n demo
sleep 1
kubectl get pod -n demo
sleep 2
kubectl get pod -n demo
# Scale up to 5: web-demo-2, 3 and 4 come one after another, each when the previous one is Ready. The image is
# on the node now, so each pod starts in about a second.
kubectl scale sts web-demo -n demo --replicas=5
sleep 1
kubectl get pod -n demo
sleep 1
kubectl get pod -n demo
sleep 2
kubectl get pod -n demo
# Per pod: SuccessfulCreate, Scheduled, then Pulling/Pulled for the first pod on the node and "already present on
# machine" after. v1.34 writes `Created container: nginx` and adds the pull time and image size.
kubectl get events -n demo
# Scale down to 2: the highest ordinal goes first, and the next only once it is gone (nginx stops within a second
# of SIGTERM, so the samples are short).
kubectl scale sts web-demo -n demo --replicas=2
sleep 0.2
kubectl get pod -n demo
sleep 0.2
kubectl get pod -n demo
sleep 0.2
kubectl get pod -n demo
sleep 0.4
kubectl get pod -n demo
sleep 3
kubectl get pod -n demo
kubectl get events -n demo --field-selector reason=SuccessfulDelete
kubectl get events -n demo --field-selector reason=Killing
# Seed 002 S002-04: stable identity. Each pod's hostname is its name, and hostname.subdomain (subdomain =
# serviceName) is the DNS name the headless Service publishes: web-demo-0.nginx-demo.demo.svc.cluster.local.
# The material reads it with `hostname` and nslookup in busybox:1.28 (exec and DNS come with the pod runtime).
kubectl get pod -n demo -l app=nginx -o wide
kubectl get pod -n demo -l app=nginx -o custom-columns=NAME:.metadata.name,HOSTNAME:.spec.hostname,SUBDOMAIN:.spec.subdomain,IP:.status.podIP
# Deleting both pods by label: the same names come back, again in order, with new IPs.
kubectl delete pod -l app=nginx -n demo
sleep 3
kubectl get pod -l app=nginx -n demo -o wide
# The headless Service's endpoints follow the new IPs.
kubectl describe svc nginx-demo -n demo
# Seed 002 S002-05 (text only in the material): update strategies. RollingUpdate, the default, replaces pods from
# the highest ordinal down, each after the previous one is Ready. The API defaults rollingUpdate.partition to 0,
# which is why `rollout status` speaks of a partitioned roll out.
kubectl set image sts/web-demo nginx=nginx:1.19.3-alpine -n demo
kubectl rollout status sts/web-demo -n demo
kubectl get events -n demo --field-selector involvedObject.kind=StatefulSet,reason=SuccessfulDelete
kubectl rollout history sts/web-demo -n demo
# partition: 1 updates only the ordinals >= 1.
kubectl patch sts web-demo -n demo -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'
kubectl set image sts/web-demo nginx=nginx:1.20-alpine -n demo
kubectl rollout status sts/web-demo -n demo
kubectl get pod -n demo -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,REVISION:.metadata.labels.controller-revision-hash
# OnDelete: a template change replaces nothing until a pod is deleted by hand.
kubectl patch sts web-demo -n demo -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl set image sts/web-demo nginx=nginx:1.21-alpine -n demo
sleep 10
kubectl get pod -n demo -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl rollout status sts/web-demo -n demo
kubectl delete pod web-demo-0 -n demo
sleep 5
kubectl get pod -n demo -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
