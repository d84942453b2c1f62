# config: seed000-cluster.yaml
# seed: 0
# Seed 000 S000-07: the StatefulSet redis-sts (serviceName redis-svc, 2 replicas of redis:alpine). The material
# finds its short name with `kubectl api-resources | grep statefulset`; the session has no pipes, so the apps group
# is listed instead.
k api-resources --api-group=apps
k apply -f ../../../shared/walkthroughs/manifests/000/11-redis-sts.yaml
sleep 3
k get sts
# OrderedReady: redis-sts-1 is created only once redis-sts-0 is Running and Ready, so pod 0 is the older one.
k get pod
sleep 3
k get pod
k get sts
# The material checks `k exec -it redis-sts-0 -- hostname`; the pod runtime arrives later. The StatefulSet sets each
# pod's hostname to the pod name and its subdomain to serviceName, which is what hostname and per-pod DNS report.
k get pod -o custom-columns=NAME:.metadata.name,HOSTNAME:.spec.hostname,SUBDOMAIN:.spec.subdomain
# redis-svc is an ordinary ClusterIP Service (not headless); it selects both pods. The material cuts describe
# after Endpoints; v1.34 goes on with Session Affinity, Internal Traffic Policy and Events.
k apply -f ../../../shared/walkthroughs/manifests/000/12-redis-svc.yaml
sleep 4
k get svc
k describe svc redis-svc
# `ping redis-sts-1.redis-svc` from the other pod resolves to these IPs (DNS comes with the pod runtime).
k get pod -o wide
# Seed 000 S000-08: redis-pv-sts gets a 100Mi RWX claim per pod from class nfs-client. Its pods carry the same
# label app=redis-sts; the material's pod list shows only redis-pv-sts pods, so redis-sts is removed first.
k delete -f ../../../shared/walkthroughs/manifests/000/11-redis-sts.yaml
# The provisioner of S000-05.
k apply -f ../../../shared/walkthroughs/manifests/000/extra/01-nfs-subdir-rbac.yaml -f ../../../shared/walkthroughs/manifests/000/extra/02-nfs-subdir-class.yaml -f ../../../shared/walkthroughs/manifests/000/extra/03-nfs-subdir-deployment.yaml
sleep 10
k apply -f ../../../shared/walkthroughs/manifests/000/13-redis-pv-sts.yaml
sleep 1
# Claim redis-100m-pvc-redis-pv-sts-0 is created (and provisioned) before pod 0; claim -1 only with pod 1.
k get pod,pvc
sleep 3
k get sts
k get pod
k get pv
k get pvc
k describe sts redis-pv-sts
# The material stores a key with redis-cli here (the key-value model comes with the pod runtime). Deleting pod 0
# brings back a pod of the same name within seconds, mounting the same claim, so the data is still there.
k delete pod redis-pv-sts-0
sleep 2
k get pod
k get pvc
k get pod redis-pv-sts-0 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}{"\n"}'
# Deleting the StatefulSet keeps its claims and their volumes (persistentVolumeClaimRetentionPolicy: Retain).
k delete sts redis-pv-sts
sleep 2
k get pod
k get pvc
