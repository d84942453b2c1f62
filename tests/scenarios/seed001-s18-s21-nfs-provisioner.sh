# Seed 001 S18: deploy the NFS client provisioner: its service account and RBAC, the StorageClass
# managed-nfs-storage for provisioner example.com/nfs, and the provisioner Deployment (env PROVISIONER_NAME,
# NFS_SERVER, NFS_PATH and the export mounted at /persistentvolumes).
kubectl create -f ../../../shared/walkthroughs/manifests/001/extra/01-nfs-client-rbac.yaml
kubectl create -f ../../../shared/walkthroughs/manifests/001/extra/02-nfs-client-class.yaml
kubectl create -f ../../../shared/walkthroughs/manifests/001/extra/03-nfs-client-deployment.yaml
kubectl get sc
sleep 20
kubectl get pods -l app=nfs-client-provisioner
# Seed 001 S19: a claim of class managed-nfs-storage. The material does not show its file; its output gives 500Mi
# and ReadWriteMany.
cat <<EOF2 > managed-nfs-storage-pvc1.yaml
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: managed-nfs-storage-pvc1
spec:
  storageClassName: managed-nfs-storage
  accessModes:
    - ReadWriteMany
  resources:
    requests:
      storage: 500Mi
EOF2
kubectl create -f managed-nfs-storage-pvc1.yaml
sleep 10
# The material's claim is Bound at once. Its image, quay.io/external_storage/nfs-client-provisioner, builds claim
# references from metadata.selfLink, which Kubernetes stopped setting in v1.20: on v1.34 the provisioner logs
# "unexpected error getting claim reference: selfLink was empty, can't make reference" and the claim stays Pending.
kubectl get pvc
kubectl describe pvc managed-nfs-storage-pvc1
# Its maintained successor, nfs-subdir-external-provisioner, takes the same environment. With the Recreate strategy
# the old pod stops before the new one starts; the new provisioner finds the waiting claim.
kubectl set image deployment/nfs-client-provisioner nfs-client-provisioner=registry.k8s.io/sig-storage/nfs-subdir-external-provisioner:v4.0.2
sleep 20
kubectl get pods -l app=nfs-client-provisioner
# A pvc-<claim uid> volume of the requested 500Mi, RWX, with the class's default reclaim policy Delete.
kubectl get pvc
kubectl get pv
kubectl get events --field-selector involvedObject.name=managed-nfs-storage-pvc1
# The volume is a sub-directory of the export named <namespace>-<claim>-<volume>.
kubectl describe pv
# Seed 001 S20: a pod that mounts the dynamically provisioned claim.
kubectl create -f ../../../shared/walkthroughs/manifests/001/11-pod-nginx-managed-nfs-storage.yaml
sleep 10
kubectl get pod nginx-managed-nfs-storage -o wide
kubectl describe pvc managed-nfs-storage-pvc1
# Seed 001 S21: a StatefulSet whose volumeClaimTemplate names the class. The material's second listing lacks
# managed-nfs-storage-pvc1 (deleted off-screen); it is kept here.
kubectl create -f ../../../shared/walkthroughs/manifests/001/12-svc-statefulset-nginx-pvc-template.yaml
sleep 10
kubectl get pvc
kubectl get pv
kubectl get pods -l app=nginx-pvc-template
kubectl get pv -o custom-columns=CLAIM:.spec.claimRef.name,PATH:.spec.nfs.path
