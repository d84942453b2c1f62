# config: seed002-cluster.yaml
# seed: 2
# Seed 002 S002-13: static PV task-pv-volume (class manual, 10Gi, RWO, hostPath /mnt/data), PVC task-pv-claim
# (manual, RWO, 3Gi) and pod task-pv-pod mounting it at /usr/share/nginx/html, in namespace demo.
kubectl create ns demo
kubectl apply -f ../../../shared/walkthroughs/manifests/002/16-task-pv-volume.yaml
sleep 4
# The material's first listing has the old header spelling ACCESSMODES / RECLAIMPOLICY; v1.34 writes
# ACCESS MODES / RECLAIM POLICY and adds VOLUMEATTRIBUTESCLASS.
kubectl get pv task-pv-volume
# The material's PVC file says `namespace: dmeo` (a typo): there is no such namespace, and -n cannot override a
# namespace written in the file.
kubectl apply -f ../../../shared/walkthroughs/manifests/002/17-task-pv-claim.yaml
kubectl apply -f ../../../shared/walkthroughs/manifests/002/17-task-pv-claim.yaml -n demo
# The pod is in demo. Until its claim exists there, it cannot be scheduled.
kubectl apply -f ../../../shared/walkthroughs/manifests/002/18-task-pv-pod.yaml
sleep 2
kubectl get pod task-pv-pod -n demo
kubectl get events -n demo --field-selector involvedObject.name=task-pv-pod
# The claim in demo, as the material's listing shows it.
kubectl apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
  namespace: demo
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 3Gi
EOF2
sleep 9
# Bound to the 10Gi volume: the claim reports the volume's capacity, not the 3Gi it asked for. The volume's CLAIM
# is demo/task-pv-claim (the material's `default/task-pv-claim` does not match its own `get pvc -n demo`).
kubectl get pvc -n demo
kubectl get pv task-pv-volume
sleep 20
# Running with the volume mounted (the material's `df -h` inside the pod needs the pod runtime). The material's
# RESTARTS 1 is not explained there; nothing here restarts the container.
kubectl get pod task-pv-pod -n demo
kubectl describe pod task-pv-pod -n demo
# Seed 002 S002-14 (no outputs in the material): StorageClass fast-rbd-sc for the in-tree Ceph RBD provisioner.
# The material writes `metadata.annotation` for `annotations`; v1.34 validates fields strictly on the server and
# refuses the object.
kubectl apply -f ../../../shared/walkthroughs/manifests/002/19-fast-rbd-sc-storageclass.yaml
# Spelt correctly, the annotation makes the class a default. kind's own class `standard` is a default too; when
# there are several, a claim without a class gets the newest one.
kubectl apply -f - <<EOF2
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast-rbd-sc
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: kubernetes.io/rbd
parameters:
  monitors: 10.16.153.105:6789
  adminId: kube
  adminSecretName: ceph-secret
  adminSecretNamespace: kube-system
  pool: kube
  userId: kube
  userSecretName: ceph-secret-user
  userSecretNamespace: default
  fsType: ext4
  imageFormat: "2"
  imageFeatures: "layering"
EOF2
kubectl get sc
# Seed 002 S002-15 (no outputs in the material): StatefulSet web with volumeClaimTemplates `www` (RWO, 1Gi, no
# class). The Service `nginx` it names is not in the material; the pods run without it.
kubectl apply -f ../../../shared/walkthroughs/manifests/002/20-web-sts-volumeclaimtemplates.yaml
sleep 10
# Claim www-web-0 got the default class fast-rbd-sc. The in-tree RBD plugin was removed in v1.31 and
# kubernetes.io/rbd is not migrated to a CSI driver, so the PV controller reports ProvisioningFailed (an external
# provisioner name would get ExternalProvisioning instead). The claim stays Pending, and so does web-0: web-1 is
# not created while web-0 is not Ready.
kubectl get sts,pod,pvc
kubectl describe pvc www-web-0
kubectl get events --field-selector involvedObject.name=web-0
# With a provisioner that runs: fast-rbd-sc stops being a default, and the StatefulSet and its claim start over.
# Claims do not change class, so www-web-0 is deleted with the StatefulSet.
kubectl delete sts web
kubectl delete pvc www-web-0
kubectl annotate sc fast-rbd-sc storageclass.kubernetes.io/is-default-class-
kubectl get sc
kubectl apply -f ../../../shared/walkthroughs/manifests/002/20-web-sts-volumeclaimtemplates.yaml
sleep 1
# standard binds WaitForFirstConsumer: the claim waits for web-0 to be scheduled, then local-path provisions it
# on that node.
kubectl get pod,pvc
sleep 6
kubectl get pod,pvc
sleep 5
# One claim per pod, www-web-0 and www-web-1, each bound to a volume of exactly 1Gi.
kubectl get pod,pvc
kubectl get pv
kubectl describe pvc www-web-0
# Claims outlive pods: a deleted pod comes back with the same claim.
kubectl delete pod web-0
sleep 3
kubectl get pod,pvc
# Scaling down keeps www-web-1; scaling up again reuses it.
kubectl scale sts web --replicas=1
sleep 3
kubectl get pod,pvc
kubectl scale sts web --replicas=2
sleep 3
kubectl get pod,pvc
# Deleting the StatefulSet keeps the claims (persistentVolumeClaimRetentionPolicy defaults to Retain).
kubectl delete sts web
sleep 3
kubectl get pod,pvc
