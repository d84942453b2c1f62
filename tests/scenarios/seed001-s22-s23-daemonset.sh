# Seed 001 S22: the fluentd-elasticsearch DaemonSet in kube-system runs one pod per node.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/13-daemonset-fluentd-elasticsearch.yaml
kubectl rollout status daemonset/fluentd-elasticsearch -n kube-system
# The material expects a pod on the master too. Its toleration is for node-role.kubernetes.io/master, but a v1.34
# control plane is tainted node-role.kubernetes.io/control-plane:NoSchedule (the master taint went away in v1.25),
# so real Kubernetes places pods on the two workers only.
kubectl get nodes -o custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key
kubectl get ds -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
# Each pod is pinned to its node by a metadata.name node-affinity term and gets the automatic daemon tolerations.
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o jsonpath='{.items[0].spec.affinity.nodeAffinity}{"\n"}{range .items[0].spec.tolerations[*]}{.key}:{.effect}{"\n"}{end}'
# Recreated with the control-plane toleration as well (as the kubernetes.io example now has), the DaemonSet runs
# on every node including the control plane.
kubectl delete ds fluentd-elasticsearch -n kube-system
cat <<EOF > fluentd.yaml
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd-elasticsearch
  namespace: kube-system
  labels:
    k8s-app: fluentd-logging
spec:
  selector:
    matchLabels:
      name: fluentd-elasticsearch
  template:
    metadata:
      labels:
        name: fluentd-elasticsearch
    spec:
      tolerations:
      - key: node-role.kubernetes.io/control-plane
        operator: Exists
        effect: NoSchedule
      - key: node-role.kubernetes.io/master
        effect: NoSchedule
      containers:
      - name: fluentd-elasticsearch
        image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
        resources:
          limits:
            memory: 200Mi
          requests:
            cpu: 100m
            memory: 200Mi
        volumeMounts:
        - name: varlog
          mountPath: /var/log
        - name: varlibdockercontainers
          mountPath: /var/lib/docker/containers
          readOnly: true
      terminationGracePeriodSeconds: 30
      volumes:
      - name: varlog
        hostPath:
          path: /var/log
      - name: varlibdockercontainers
        hostPath:
          path: /var/lib/docker/containers
EOF
kubectl apply -f fluentd.yaml
kubectl rollout status daemonset/fluentd-elasticsearch -n kube-system
kubectl get ds fluentd-elasticsearch -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
# Seed 001 S23: revisions. The material's listing shows only revision 2 after an unshown
# `kubectl set image ds/... --record`; here that command is run.
kubectl get controllerrevision -n kube-system -l name=fluentd-elasticsearch
kubectl rollout history daemonset fluentd-elasticsearch -n kube-system
kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=k8s.gcr.io/fluentd-elasticsearch:v2.2.0 --record -n kube-system
# RollingUpdate with maxUnavailable 1: one node at a time, the old pod goes before its replacement starts.
sleep 1
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
kubectl rollout status ds/fluentd-elasticsearch -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch --show-labels
kubectl get controllerrevision -n kube-system -l name=fluentd-elasticsearch
kubectl rollout history daemonset fluentd-elasticsearch -n kube-system
kubectl rollout history daemonset fluentd-elasticsearch -n kube-system --revision=2
kubectl get controllerrevision -n kube-system -l name=fluentd-elasticsearch,controller-revision-hash -o jsonpath='{range .items[*]}{.metadata.name} {.revision} {.metadata.annotations.deprecated\.daemonset\.template\.generation}{"\n"}{end}'
# The material prints `daemonset.extensions/... rolled back`; v1.34 says `daemonset.apps/...`. The revision-1 object
# is reused and renumbered 3.
kubectl rollout undo daemonset fluentd-elasticsearch --to-revision=1 -n kube-system
kubectl rollout status ds/fluentd-elasticsearch -n kube-system
kubectl get controllerrevision -n kube-system -l name=fluentd-elasticsearch
kubectl rollout history daemonset fluentd-elasticsearch -n kube-system
kubectl rollout undo daemonset fluentd-elasticsearch --to-revision=3 -n kube-system
kubectl rollout undo daemonset fluentd-elasticsearch --to-revision=7 -n kube-system
kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o wide
kubectl describe ds fluentd-elasticsearch -n kube-system
