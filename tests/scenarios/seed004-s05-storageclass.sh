# seed: 4
# Seed 004 S004-05: dynamic provisioning with a StorageClass. The material lists the default classes of AWS (gp2)
# and GKE (standard) with v1.7's two columns NAME and TYPE; v1.34 prints PROVISIONER, RECLAIMPOLICY,
# VOLUMEBINDINGMODE and ALLOWVOLUMEEXPANSION. This kind cluster's default class is `standard`, served by the
# local-path provisioner.
kubectl get sc
# The material's class `aws-sc` (its manifest is a screenshot) names the in-tree EBS plugin. In v1.34 that plugin is
# gone: kubernetes.io/aws-ebs is handed to the CSI driver ebs.csi.aws.com (CSI migration), which this cluster does not
# run, so the claim waits.
kubectl apply -f - <<EOF2
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: aws-sc
provisioner: kubernetes.io/aws-ebs
parameters:
  type: gp2
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-aws
spec:
  storageClassName: aws-sc
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
EOF2
kubectl get sc
sleep 10
kubectl get pvc pvc-aws
kubectl describe pvc pvc-aws
# A claim that names no class gets the default one (admission fills in storageClassName). `standard` binds on
# WaitForFirstConsumer: nothing is provisioned until a pod uses the claim.
kubectl apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-default
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
EOF2
sleep 5
kubectl get pvc pvc-default
kubectl get events --field-selector involvedObject.name=pvc-default
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: tomcat
spec:
  containers:
  - name: tomcat
    image: tomcat
    volumeMounts:
    - mountPath: /usr/local/tomcat/logs
      name: tomcat-log
  volumes:
  - name: tomcat-log
    persistentVolumeClaim:
      claimName: pvc-default
EOF2
sleep 30
# The provisioner created a pvc-<claim uid> volume of the requested size with the class's reclaim policy, Delete.
kubectl get pvc pvc-default
kubectl get pv
kubectl get pod tomcat -o wide
kubectl get events --field-selector involvedObject.name=pvc-default
# storageClassName: "" asks for static binding only: no provisioning, not even by the default class.
kubectl apply -f - <<EOF2
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: pvc-static
spec:
  storageClassName: ""
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
EOF2
sleep 5
kubectl get pvc pvc-static
kubectl describe pvc pvc-static
