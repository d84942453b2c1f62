# Seed 001 S12: self-healing. A Deployment's pods are replaced when they go away; a bare pod is not.
# The material's other cases are left out: a failing liveness probe restarts the container and a failing readiness
# probe takes the pod out of the Service (probes that can fail arrive with the pod-runtime model), and a dead node's
# pods are replaced on other nodes (the simulator cannot fail a node yet).
kubectl apply -f ../../../shared/walkthroughs/manifests/001/04-deployment-nginx-1.14.2.yaml
kubectl run bare --image=nginx:1.14.2
sleep 20
kubectl get pods -o wide
# Delete one of the Deployment's pods: the ReplicaSet sees 2 of 3 and creates a replacement at once, while the
# deleted pod is still Terminating (a terminating pod no longer counts).
kubectl delete pod nginx-deployment-cf4cd4db7-6cgwd --wait=false
sleep 0.2
kubectl get pods -l app=nginx
sleep 5
kubectl get pods -l app=nginx
kubectl get rs
kubectl get events --field-selector involvedObject.kind=ReplicaSet
# The replacement is a new pod: new name, new UID, scheduled afresh (possibly onto another node).
kubectl get pods -l app=nginx -o wide
# A bare pod has no controller: once deleted it is gone for good.
kubectl delete pod bare
kubectl get pods
# Deleting the ReplicaSet itself: the garbage collector deletes its pods in the background, and the Deployment
# creates the ReplicaSet again under the same name (same template hash) with new pods.
kubectl delete rs nginx-deployment-cf4cd4db7
sleep 1
kubectl get rs
sleep 10
kubectl get pods -l app=nginx
