# seed: 4
# Seed 004 S004-32: updating a DaemonSet and a StatefulSet (the book's ex-daemonset.yml and ex-statefulset.yml).
# DaemonSet my-ds: RollingUpdate with maxUnavailable 1 and minReadySeconds 10. The material says the default strategy
# is OnDelete (as in v1.7); since v1.8 (apps/v1) it is RollingUpdate. Pods run on the two workers only: the
# control-plane node is tainted and the template has no toleration for it.
kubectl apply -f ../../../shared/walkthroughs/manifests/004/extra/11-book-ex-daemonset.yaml
sleep 15
kubectl get ds my-ds
kubectl get pods -l app=my-ds -o wide
# No surge for DaemonSets by default: on each node the old pod goes first, then its replacement starts; the next
# node follows only after the new pod has been available for minReadySeconds.
kubectl set image ds my-ds app=alpine:3.6
sleep 1
kubectl get pods -l app=my-ds -o wide
sleep 5
kubectl get pods -l app=my-ds -o wide
kubectl rollout status ds my-ds
kubectl get pods -l app=my-ds -o wide
kubectl rollout history ds my-ds
# `kubectl rollout` works for DaemonSets, except pause and resume.
kubectl rollout pause ds my-ds
# OnDelete: a template change updates nothing until a pod is deleted; its replacement gets the new template.
kubectl patch ds my-ds -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'
kubectl set image ds my-ds app=alpine:3.7
sleep 5
kubectl get pods -l app=my-ds -L controller-revision-hash
kubectl get ds my-ds
kubectl delete pod my-ds-fhth7
sleep 5
kubectl get pods -l app=my-ds -L controller-revision-hash
kubectl get ds my-ds
# StatefulSet my-ss: 3 replicas, each with a 1Gi claim from the default StorageClass (kind's local-path), created in
# order: ss-data-my-ss-0 and my-ss-0, then my-ss-1 with its claim, then my-ss-2.
kubectl apply -f ../../../shared/walkthroughs/manifests/004/extra/12-book-ex-statefulset.yaml
sleep 60
kubectl get sts my-ss
kubectl get pods -l app=my-ss -L controller-revision-hash
kubectl get pvc
# RollingUpdate goes from the highest ordinal down, one pod at a time, each replacement Running and Ready before
# the next old pod is deleted.
kubectl set image sts my-ss app=alpine:3.6
sleep 2
kubectl get pods -l app=my-ss -L controller-revision-hash
kubectl rollout status sts my-ss
kubectl get pods -l app=my-ss -L controller-revision-hash
kubectl get events --field-selector involvedObject.kind=StatefulSet
# partition: 1 keeps ordinals below 1 on the old revision: only my-ss-2 and my-ss-1 get alpine:3.7.
kubectl patch sts my-ss -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'
kubectl set image sts my-ss app=alpine:3.7
kubectl rollout status sts my-ss
kubectl get pods -l app=my-ss -L controller-revision-hash
kubectl get pods -l app=my-ss -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
kubectl get sts my-ss -o jsonpath='{.status.currentRevision} {.status.updateRevision} {.status.updatedReplicas}{"\n"}'
# The claims outlived the replaced pods: each new my-ss-N mounts ss-data-my-ss-N again.
kubectl get pvc
