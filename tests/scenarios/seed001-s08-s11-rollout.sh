# Seed 001 S08: a rolling update of nginx-deployment from nginx:1.14.2 to nginx:1.19.5.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/04-deployment-nginx-1.14.2.yaml
kubectl rollout status deployment/nginx-deployment
kubectl get deployments
kubectl get rs
# The material changes the image with `kubectl edit` (an interactive editor); `kubectl set image` makes the same
# template change from a script. The material prints `deployment.extensions/...`; v1.34 says `deployment.apps/...`.
kubectl set image deployment/nginx-deployment nginx=nginx:1.19.5
sleep 1
# The new ReplicaSet appears next to the old one. The material shows it at 0 replicas; v1.34 creates it already
# scaled to maxSurge (ceil(25% of 3) = 1), and maxUnavailable (floor(25% of 3) = 0) keeps all 3 old pods until the
# new one is available.
kubectl get rs
kubectl rollout status deployment/nginx-deployment
kubectl get rs
# Scaled up 1, 2, 3 and down 2, 1, 0, alternating; v1.34 events say `from N`.
kubectl describe deployment nginx-deployment
# Seed 001 S09: rollout parameters. maxSurge 1 / maxUnavailable 1 on 3 replicas: at most 4 pods, at least 2 available.
kubectl patch deployment nginx-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":1}}}}'
kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
sleep 1
kubectl get rs
kubectl get pods
kubectl rollout status deployment/nginx-deployment
# Both 0 is invalid.
kubectl patch deployment nginx-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":0,"maxUnavailable":0}}}}'
# Back to the defaults (25% / 25%): a strategy change alone makes no new ReplicaSet.
kubectl patch deployment nginx-deployment -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}}}}'
kubectl get rs
# Seed 001 S10: nginx:1.91 does not exist. The new pod cannot pull its image; with maxUnavailable 0 all 3 old pods
# keep running and the rollout stalls. A short progress deadline makes `rollout status` give up as upstream does.
kubectl patch deployment nginx-deployment -p '{"spec":{"progressDeadlineSeconds":60}}'
kubectl set image deployment/nginx-deployment nginx=nginx:1.91 --record
kubectl rollout status deployment/nginx-deployment
kubectl get pods
kubectl get rs
kubectl rollout history deployment/nginx-deployment
kubectl rollout history deployment/nginx-deployment --revision=4
kubectl rollout undo deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment
kubectl get pods
# The rollback reused revision 3's ReplicaSet, which became revision 5: revision 3 leaves the history (the material's
# `1 2 3 5 6` listing shows the same renumbering).
kubectl rollout history deployment/nginx-deployment
kubectl rollout undo deployment/nginx-deployment --to-revision=2
kubectl rollout status deployment/nginx-deployment
kubectl rollout undo deployment/nginx-deployment --to-revision=6
kubectl rollout undo deployment/nginx-deployment --to-revision=9
# A change cause can also be written by hand; the Deployment controller copies it to the current ReplicaSet.
kubectl annotate deployment nginx-deployment kubernetes.io/change-cause="back to nginx 1.19.5"
sleep 1
kubectl rollout history deployment/nginx-deployment
kubectl rollout history deployment/nginx-deployment --revision=6
# Seed 001 S11: pause, make two changes, resume: one rollout, one new ReplicaSet. The material prints
# `deployment.extensions/... paused`; v1.34 says `deployment.apps/...`.
kubectl rollout pause deployment/nginx-deployment
kubectl rollout pause deployment/nginx-deployment
kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1
kubectl set resources deployment/nginx-deployment -c=nginx --limits=cpu=200m,memory=512Mi
sleep 10
kubectl get rs
kubectl rollout undo deployment/nginx-deployment
kubectl rollout restart deployment/nginx-deployment
kubectl rollout resume deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment
kubectl get rs
kubectl rollout history deployment/nginx-deployment
kubectl rollout resume deployment/nginx-deployment
# `rollout restart` stamps the pod template, which rolls every pod.
kubectl rollout restart deployment/nginx-deployment
kubectl rollout status deployment/nginx-deployment --watch=false
kubectl rollout status deployment/nginx-deployment
# revisionHistoryLimit 0 keeps no old ReplicaSets, so there is nothing to undo to.
kubectl patch deployment nginx-deployment -p '{"spec":{"revisionHistoryLimit":0}}'
sleep 1
kubectl get rs
kubectl rollout history deployment/nginx-deployment
kubectl rollout undo deployment/nginx-deployment
