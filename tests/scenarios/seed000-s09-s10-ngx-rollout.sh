# config: seed000-cluster.yaml
# seed: 0
# Seed 000 S000-09: the rolling update of ngx-dep (4 replicas, container nginx) from nginx:1.21-alpine to
# 1.22-alpine behind Service ngx-svc. The material's ngx-conf.yml, ngx-v1.yml, ngx-svc.yml and ngx-v2.yml are not
# included; the ConfigMap and Service are the course's own files, and ngx-dep is the course's Deployment without
# its change-cause annotation (the material's first history shows <none>), written here for each image.
# `k apply -f .` in the material applies the folder; here the three objects are applied one by one.
k apply -f ../../../shared/walkthroughs/manifests/000/extra/04-chronolaw-ngx-conf.yaml
k apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ngx-dep
spec:
  replicas: 4
  selector:
    matchLabels:
      app: ngx-dep
  template:
    metadata:
      labels:
        app: ngx-dep
    spec:
      volumes:
      - name: ngx-conf-vol
        configMap:
          name: ngx-conf
      containers:
      - image: nginx:1.21-alpine
        name: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - mountPath: /etc/nginx/conf.d
          name: ngx-conf-vol
EOF2
k apply -f ../../../shared/walkthroughs/manifests/000/extra/06-chronolaw-ngx-svc.yaml
sleep 30
k get svc
# `curl <cluster IP>` answers `ver : 1.21.6` and the serving pod's IP and name (HTTP comes with the pod runtime).
k get pod -o wide
k get rs
# ngx-v2.yml: only the image changes, so the pod template hash (and the ReplicaSet) is new.
kubectl apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ngx-dep
spec:
  replicas: 4
  selector:
    matchLabels:
      app: ngx-dep
  template:
    metadata:
      labels:
        app: ngx-dep
    spec:
      volumes:
      - name: ngx-conf-vol
        configMap:
          name: ngx-conf
      containers:
      - image: nginx:1.22-alpine
        name: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - mountPath: /etc/nginx/conf.d
          name: ngx-conf-vol
EOF2
# maxSurge 25% of 4 rounds up to 1 and maxUnavailable 25% rounds down to 1: at most 5 pods, at least 3 available.
kubectl rollout status deployment ngx-dep
k get pod
k get rs
# The material's events read `Scaled up replica set ngx-dep-5f6fdd6f65 to 1`; v1.34 says `from 0 to 1`. The new
# and the old ReplicaSet take turns: up 1, down 3, up 2, down 2, up 3, down 1, up 4, down 0.
k describe deploy ngx-dep
# Seed 000 S000-10: history, a revision's template, and undo.
kubectl rollout history deploy ngx-dep
kubectl rollout history deploy ngx-dep --revision=2
# Undo is a rolling update back to the previous template: the v1 ReplicaSet (same hash as before) scales up again
# and takes the next revision number, 3; revision 1 leaves the list.
kubectl rollout undo deploy ngx-dep
kubectl rollout status deployment ngx-dep
k get rs
kubectl rollout history deploy ngx-dep
# Change causes: ngx-v1.yml with the annotation `kubernetes.io/change-cause: v1, ngx=1.21` (the course's file) has
# the current template, so no rollout happens; the controller copies the cause onto the current ReplicaSet.
k apply -f ../../../shared/walkthroughs/manifests/000/extra/05-chronolaw-ngx-dep.yaml
sleep 1
# Then ngx-v2.yml with `v2, ngx=1.22`: its template is revision 2's, whose ReplicaSet is reused as revision 4.
# This gives the material's final listing, revisions 3 and 4.
k apply -f - <<EOF2
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ngx-dep
  annotations:
    kubernetes.io/change-cause: v2, ngx=1.22
spec:
  replicas: 4
  selector:
    matchLabels:
      app: ngx-dep
  template:
    metadata:
      labels:
        app: ngx-dep
    spec:
      volumes:
      - name: ngx-conf-vol
        configMap:
          name: ngx-conf
      containers:
      - image: nginx:1.22-alpine
        name: nginx
        ports:
        - containerPort: 80
        volumeMounts:
        - mountPath: /etc/nginx/conf.d
          name: ngx-conf-vol
EOF2
kubectl rollout status deployment ngx-dep
k rollout history deploy ngx-dep
# The commands the material lists without output: set image, pause mid-rollout, resume. First the strategy of the
# material's fragment (maxSurge 2, maxUnavailable 1), so that pausing one second in leaves both ReplicaSets
# partly scaled. A cause written before the change labels the new revision (otherwise it would keep `v2, ngx=1.22`).
kubectl patch deployment ngx-dep -p '{"spec":{"strategy":{"rollingUpdate":{"maxSurge":2,"maxUnavailable":1}}}}'
kubectl annotate deployment ngx-dep kubernetes.io/change-cause="v3, ngx=1.23" --overwrite
kubectl set image deployment/ngx-dep nginx=nginx:1.23-alpine
sleep 1
kubectl rollout pause deployment/ngx-dep
sleep 10
# Paused: nothing moves, whatever the pods do.
k get rs
kubectl rollout status deployment/ngx-dep --watch=false
kubectl rollout resume deployment/ngx-dep
kubectl rollout status deployment/ngx-dep
k get rs
k rollout history deploy ngx-dep
# `kubectl edit` opens an editor; the material then saves the object with a redirect.
kubectl get deployment/ngx-dep -o yaml > /tmp/nginx.yaml
