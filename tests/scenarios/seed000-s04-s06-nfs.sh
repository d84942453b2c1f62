# config: seed000-cluster.yaml
# seed: 0
# Seed 000 S000-04: a static NFS PV (100Mi, RWX, class nfs-test, export 192.168.56.101:/tmp/nfs/100m-pv on vm1).
# The material's files are pv/nfs-static-pv.yml, nfs-static-pvc.yml and nfs-static-pod.yml.
k apply -f ../../../shared/walkthroughs/manifests/000/04-nfs-100m-pv.yaml
sleep 6
# v1.34 adds the VOLUMEATTRIBUTESCLASS column to `get pv` and `get pvc`.
k get pv
k apply -f ../../../shared/walkthroughs/manifests/000/05-nfs-static-pvc.yaml
sleep 6
k get pvc
k apply -f ../../../shared/walkthroughs/manifests/000/06-nfs-static-pod.yaml
sleep 11
# Every pod of the material lands on vm2: vm1 is the tainted control plane.
k get pod -o wide
k describe pv nfs-100m-pv
# The material then writes /tmp/a.txt in the pod (`k exec -it nfs-static-pod -- sh`) and reads it on the NFS
# server; files inside containers and on the NFS export arrive with the pod runtime.
# Seed 000 S000-05: the nfs-subdir-external-provisioner. The material does not include its three files; these are
# the v4.0.2 ones with the namespace set to kube-system and the export 192.168.56.101:/tmp/nfs, as it says.
k apply -f ../../../shared/walkthroughs/manifests/000/extra/01-nfs-subdir-rbac.yaml
k apply -f ../../../shared/walkthroughs/manifests/000/extra/02-nfs-subdir-class.yaml
k apply -f ../../../shared/walkthroughs/manifests/000/extra/03-nfs-subdir-deployment.yaml
sleep 20
# The material lists only its own Deployment; the cluster also runs CoreDNS and kind's local-path-provisioner
# (the provisioner of kind's default StorageClass `standard`).
k get deploy -A
# Seed 000 S000-06: a second class for the same provisioner, with onDelete: "retain". That parameter only decides
# what happens to the directory on the export: the PVs of both classes have RECLAIM POLICY Delete.
k apply -f ../../../shared/walkthroughs/manifests/000/07-nfs-client-retained-storageclass.yaml
k get sc
# The claim names class nfs-client: the running provisioner creates PV pvc-<claim uid> of exactly 10Mi, RWX,
# Delete, at once (Immediate binding), before any pod uses it.
k apply -f ../../../shared/walkthroughs/manifests/000/08-nfs-dyn-10m-pvc.yaml
sleep 2
k get pvc nfs-dyn-10m-pvc
# Its directory on the export is <namespace>-<claim>-<pv> (the material's `ll /tmp/nfs/` on vm1).
k describe pv
k describe pvc nfs-dyn-10m-pvc
k apply -f ../../../shared/walkthroughs/manifests/000/09-nfs-dyn-pod.yaml
sleep 5
k get pod
k get pv
k get pvc
# Provisioning works only while the provisioner runs: with its Deployment scaled to 0, a new claim of the class
# waits, and the PV controller says who it is waiting for.
k scale deploy nfs-client-provisioner -n kube-system --replicas=0
sleep 2
k apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: nfs-dyn-5m-pvc
spec:
  storageClassName: nfs-client
  accessModes:
  - ReadWriteMany
  resources:
    requests:
      storage: 5Mi
EOF2
sleep 5
k get pvc nfs-dyn-5m-pvc
k describe pvc nfs-dyn-5m-pvc
k scale deploy nfs-client-provisioner -n kube-system --replicas=1
sleep 5
k get pvc nfs-dyn-5m-pvc
# Reclaim policy Delete: once the claim is gone, the provisioner deletes the PV (and, with archiveOnDelete "false",
# its directory).
k delete pod nfs-dyn-pod
k delete pvc nfs-dyn-10m-pvc nfs-dyn-5m-pvc
sleep 2
k get pv
