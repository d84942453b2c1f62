# Seed 001 S25: the CronJob `hello` runs every minute and prints the date and a greeting.
# The material uses batch/v1beta1, which Kubernetes removed in v1.25; v1.34 rejects it.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/15-cronjob-hello.yaml
# The same CronJob with batch/v1:
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox
            imagePullPolicy: IfNotPresent
            args:
            - /bin/sh
            - -c
            - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF
kubectl get cronjob hello
sleep 3m
kubectl get cronjob hello
kubectl get jobs
kubectl get pods
kubectl logs job/hello-29474463
# History: with every minute, only the 3 newest successful Jobs are kept (successfulJobsHistoryLimit 3).
sleep 3m
kubectl get jobs
kubectl get cronjob hello -o jsonpath='{.spec.concurrencyPolicy} {.spec.successfulJobsHistoryLimit} {.spec.failedJobsHistoryLimit} {.status.lastScheduleTime} {.status.lastSuccessfulTime}{"\n"}'
kubectl get events --field-selector involvedObject.kind=CronJob
# A Job from the CronJob's template, by hand; the controller reports it did not create it.
kubectl create job hello-manual --from=cronjob/hello
sleep 10
kubectl get jobs hello-manual
kubectl get events --field-selector reason=UnexpectedJob
# Suspending stops new runs.
kubectl patch cronjob hello -p '{"spec":{"suspend":true}}'
sleep 2m
kubectl get cronjob hello
