# Seed 000 S000-01: a hostPath PV (10Mi, RWO, class host-test) and a PVC asking 5Mi of that class.
# No StorageClass object named host-test exists: the class is only a name to match on.
kubectl apply -f ../../../shared/walkthroughs/manifests/000/01-host-10m-pv.yaml
sleep 5
# A hand-made PV starts Available, with RECLAIM POLICY Retain and an empty CLAIM.
kubectl get pv
kubectl apply -f ../../../shared/walkthroughs/manifests/000/02-host-5m-pvc.yaml
sleep 4
# The claim is Bound at once and reports the volume's capacity (10Mi), not the 5Mi it asked for.
kubectl get pvc
kubectl get pv
kubectl describe pvc host-5m-pvc
# Variant from the text: a claim larger than every volume of the class stays Pending. There is no StorageClass
# host-test to provision with, so the binder says so.
kubectl apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: host-100m-pvc
spec:
  storageClassName: host-test
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 100Mi
EOF2
sleep 20
kubectl get pvc
kubectl describe pvc host-100m-pvc
# Seed 000 S000-02: a pod mounts the claim at /tmp and runs (the doc's file is host-path-pod.yml).
kubectl apply -f ../../../shared/walkthroughs/manifests/000/03-host-pvc-pod.yaml
sleep 34
kubectl get pod -o wide
kubectl describe pvc host-5m-pvc
# The claim is in use: deleting it leaves it Terminating (kubernetes.io/pvc-protection) until the pod is gone.
kubectl delete pvc host-5m-pvc --wait=false
kubectl get pvc host-5m-pvc
kubectl delete pod host-pvc-pod
sleep 2
kubectl get pvc
# Retain: the volume is Released, keeping its claim reference, and is not reused by a new claim of the same name.
kubectl get pv
kubectl apply -f ../../../shared/walkthroughs/manifests/000/02-host-5m-pvc.yaml
sleep 20
kubectl get pvc host-5m-pvc
kubectl get pv
