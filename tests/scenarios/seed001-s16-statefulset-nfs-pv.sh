# Seed 001 S16: two pre-created NFS PersistentVolumes and PersistentVolumeClaims, the headless Service `nginx` and
# the StatefulSet `web` whose volumeClaimTemplate `www` names the claims www-web-0 and www-web-1.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/10-pv-pvc-svc-statefulset-web-nfs.yaml
# The binder matches class, access mode and size, not names: both 10Gi PVs fit either 1Gi claim, so the material's
# www-web-0 -> www-web-0 pairing is not guaranteed (upstream takes whichever equally small volume it meets first).
# A bound claim reports the volume's 10Gi, not the 1Gi it asked for.
sleep 1
kubectl get pv
kubectl get pvc
# The material's PV www-web-1 points at /var/vols/nfs/www-web-0 (a copy-paste slip). Kubernetes does not check
# NFS paths, so both volumes are accepted and share one directory on the server.
kubectl get pv -o custom-columns=NAME:.metadata.name,SERVER:.spec.nfs.server,PATH:.spec.nfs.path,CLAIM:.spec.claimRef.name
# The claims exist already, so the StatefulSet creates only the pods; each mounts <template>-<sts>-<ordinal>.
sleep 20
kubectl get pods -l app=nginx -o wide
kubectl get pod web-0 -o jsonpath='{.spec.volumes[0]}{"\n"}'
kubectl get events --field-selector involvedObject.kind=StatefulSet
kubectl describe pvc www-web-1
# Delete web-0: the StatefulSet recreates a pod with the same name that mounts the same claim.
kubectl delete pod web-0
sleep 10
kubectl get pods -l app=nginx
kubectl get pod web-0 -o jsonpath='{.spec.volumes[0].persistentVolumeClaim.claimName}{"\n"}'
# Scaling down deletes pods, never claims (persistentVolumeClaimRetentionPolicy defaults to Retain): the claims stay
# Bound and the scaled-up pods get them back.
kubectl scale sts web --replicas=0
sleep 5
kubectl get pods -l app=nginx
kubectl get pvc
kubectl scale sts web --replicas=2
sleep 20
kubectl get pods -l app=nginx
kubectl get pvc
