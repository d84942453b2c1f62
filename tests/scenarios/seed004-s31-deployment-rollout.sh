# seed: 4
# Seed 004 S004-31: managing the rollout of Deployment my-app (5 replicas, alpine:3.5, maxSurge 1, maxUnavailable 2,
# minReadySeconds 2) and its Service my-app-svc. The material prints kubectl v1.7 messages (`deployment "my-app"
# created`); v1.34 prints `<resource>.<group>/<name> <verb>`.
# Its `kubectl proxy` + curl loop (responses from old and new pods interleaving) needs the pod runtime's HTTP
# model and is left out.
kubectl apply -f ../../../shared/walkthroughs/manifests/004/extra/10-book-ex-deployment.yaml
sleep 20
kubectl get deploy,rs
kubectl get pods -l app=my-app
# Changing something outside the pod template (here minReadySeconds) starts no rollout: still one ReplicaSet.
kubectl patch deployment my-app -p '{"spec":{"minReadySeconds":3}}'
kubectl get rs
kubectl set image deployment my-app app=alpine:3.6
# v1.34's progress lines name the Deployment (`Waiting for deployment "my-app" rollout to finish: ...`) and report
# updated, old and available replicas in turn; v1.7's read `Waiting for rollout to finish: 3 of 5 ...`.
kubectl rollout status deployment my-app
kubectl get rs
# The history header is `deployment.apps/my-app` (v1.7: `deployments "my-app"`).
kubectl rollout history deployment my-app
# Changing an env var changes the template, so it rolls out without a new image. The change cause is the command
# line with the flags spelled out (`-p` as `--patch=`); v1.34 warns that --record is deprecated.
kubectl patch deployment my-app -p '{"spec":{"template":{"spec":{"containers":[{"name":"app","env":[{"name":"DEMO","value":"1"}]}]}}}}' --record
kubectl rollout status deployment my-app
kubectl rollout history deployment my-app
kubectl rollout undo deployment my-app
kubectl rollout status deployment my-app
# The undo made revision 2's ReplicaSet current again; it becomes revision 4.
kubectl rollout history deployment my-app
kubectl get rs
# Paused, the Deployment takes template changes without rolling them out; resumed, they roll out together.
kubectl rollout pause deployment my-app
kubectl set image deployment my-app app=alpine:3.7
kubectl set env deployment my-app DEMO=2
sleep 5
kubectl get rs
kubectl rollout resume deployment my-app
kubectl rollout status deployment my-app
kubectl get rs
kubectl rollout history deployment my-app
