# Seed 001 S15: a static PV (10Gi, RWO, class manual, hostPath /mnt/data), a PVC asking 3Gi of class manual,
# and a bare Pod mounting the claim at /usr/share/nginx/html, all from one file.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/09-pv-pvc-pod-task-pv.yaml
sleep 2
# The PVC found the PV through storageClassName (plus access modes and size); it reports the PV's 10Gi.
kubectl get pv
kubectl get pvc
sleep 30
kubectl get pod task-pv-pod -o wide
# The scheduler saw the pod before the claim was bound, so it reported the unbound claim once, then placed
# the pod as soon as the binder bound it.
kubectl get events --field-selector involvedObject.name=task-pv-pod
kubectl describe pvc task-pv-claim
kubectl describe pv task-pv-volume
kubectl get pv task-pv-volume -o jsonpath='{.metadata.annotations}{"\n"}{.metadata.finalizers}{"\n"}{.spec.claimRef.kind} {.spec.claimRef.namespace}/{.spec.claimRef.name}{"\n"}'
# A second pod on a claim that no volume can satisfy stays Pending with the scheduler's message.
kubectl apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: big-claim
spec:
  storageClassName: manual
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 30Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: big-pod
spec:
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: big-claim
  containers:
    - name: nginx
      image: nginx
      volumeMounts:
        - mountPath: /data
          name: data
EOF2
sleep 5
kubectl get pod big-pod
kubectl describe pvc big-claim
kubectl get events --field-selector involvedObject.name=big-pod
