# Seed 001 S06: create a Deployment from the kubernetes.io example (nginx 1.14.2, 3 replicas, app=nginx).
# The material passes `–record` with an en dash; real kubectl reads that as a stray argument, so it is left out.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/04-deployment-nginx-1.14.2.yaml
kubectl get deployments
sleep 40
kubectl get deployments
kubectl get rs
kubectl get pods --show-labels
# One ReplicaSet, pods named <rs>-<5 chars>, generateName set, pod-template-hash label, defaults filled in.
kubectl get pods -l app=nginx -o jsonpath='{.items[0].metadata.generateName}{"\n"}{.items[0].metadata.labels}{"\n"}{.items[0].spec.containers[0].imagePullPolicy} {.items[0].spec.containers[0].ports[0].protocol}{"\n"}'
# Seed 001 S07: scale out to 4 replicas; the ReplicaSet creates one more pod.
kubectl scale deployment nginx-deployment --replicas=4
sleep 10
kubectl get rs
kubectl get pods
kubectl get events --field-selector involvedObject.kind=Deployment
