# seed: 4
# Seed 004 S004-07: Elasticsearch data nodes as a StatefulSet with one persistent volume each; one data pod is
# deleted and comes back with the same name and the same claim. The material's manifests and listings are
# screenshots; this StatefulSet stands in for its es-data (no Service: data nodes need no DNS name, and v1.34
# lets serviceName be left out). Ordinals start at 0 (the text's `es-master-1` is not a name a StatefulSet makes).
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: es-data
spec:
  replicas: 3
  selector:
    matchLabels:
      app: es-data
  template:
    metadata:
      labels:
        app: es-data
    spec:
      containers:
      - name: es-data
        image: elasticsearch:2.4
        args: ["elasticsearch", "-Des.node.master=false", "-Des.node.data=true"]
        ports:
        - containerPort: 9300
          name: transport
        volumeMounts:
        - name: es-data
          mountPath: /usr/share/elasticsearch/data
  volumeClaimTemplates:
  - metadata:
      name: es-data
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
EOF2
# Pods and claims come in pairs, one pair at a time: es-data-es-data-1 and es-data-1 only after es-data-0 is Ready.
sleep 5
kubectl get pods,pvc
sleep 60
kubectl get pods -o wide
kubectl get pvc
kubectl get events --field-selector involvedObject.kind=StatefulSet
# Simulate one data node going down. The material prints v1.7's `pod "es-data-0" deleted`.
kubectl delete pod es-data-0
kubectl get pods
sleep 10
# The new es-data-0 (new UID) mounts es-data-es-data-0 again. Its local-path volume is pinned to one node, so the
# scheduler puts the pod back on that node.
kubectl get pods -o wide
kubectl get pod es-data-0 -o jsonpath='{.metadata.uid}{" "}{.spec.volumes[0].persistentVolumeClaim.claimName}{"\n"}'
kubectl get pvc
kubectl get pv -o custom-columns=NAME:.metadata.name,CLAIM:.spec.claimRef.name,NODE:.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]
# Scaling down removes pods from the highest ordinal; their claims stay for a later scale-up.
kubectl scale sts es-data --replicas=2
sleep 5
kubectl get pods
kubectl get pvc
