# Seed 001 S24: the Job `pi` computes pi to 2000 digits with perl (restartPolicy Never, backoffLimit 4).
# The material shows no output; real Kubernetes v1.34 is the reference.
kubectl apply -f ../../../shared/walkthroughs/manifests/001/14-job-pi.yaml
kubectl get jobs
kubectl get pods
# The perl image is large: pulling it takes most of the time, the computation a few seconds.
sleep 40
kubectl get jobs
kubectl get pods
# The pod label job-name selects the Job's pods; the log is the number.
kubectl get pods -l job-name=pi -o jsonpath='{.items[0].status.phase} {.items[0].metadata.finalizers}{"\n"}'
kubectl logs job/pi
kubectl get job pi -o jsonpath='{range .status.conditions[*]}{.type}={.status} {.reason}: {.message}{"\n"}{end}succeeded={.status.succeeded} ready={.status.ready} terminating={.status.terminating}{"\n"}'
kubectl describe job pi
# A Job's pods may only restart OnFailure or Never. v1.34 rejects Always with `Required value` (the notes derive
# `Unsupported value`, the wording of older releases).
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: pi-always
spec:
  template:
    spec:
      containers:
      - name: pi
        image: perl
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(20)"]
      restartPolicy: Always
EOF
# A failing Job with restartPolicy Never gets a new pod per failure, 10s, 20s, 40s ... apart, until failures
# exceed backoffLimit (here 2, so the 3rd failure fails the Job).
cat <<EOF | kubectl apply -f -
apiVersion: batch/v1
kind: Job
metadata:
  name: fail
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
      - name: fail
        image: busybox
        command: ["sh", "-c", "exit 1"]
      restartPolicy: Never
EOF
sleep 45
kubectl get jobs fail
kubectl get pods -l job-name=fail
kubectl get events --field-selector involvedObject.kind=Job,involvedObject.name=fail
