import { describe, expect, it } from 'vitest';
import { printTable } from '../table';
import { NOW, ago, obj } from '../testing/fixtures';

const podTemplate = { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], restartPolicy: 'Never' } };
const cond = (type: string) => ({ type, status: 'True' });

describe('Job table', () => {
  it('derives STATUS, COMPLETIONS and DURATION', () => {
    const jobs = [
      obj('batch/v1', 'Job', 'pi', 125, {
        spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'a1b2' } }, template: podTemplate },
        status: { succeeded: 1, startTime: ago(120), completionTime: ago(80), conditions: [cond('SuccessCriteriaMet'), cond('Complete')] },
      }),
      obj('batch/v1', 'Job', 'work-queue', 40, {
        spec: { parallelism: 3, template: podTemplate },
        status: { active: 3, startTime: ago(30) },
      }),
      obj('batch/v1', 'Job', 'fails', 3600, {
        spec: { completions: 5, parallelism: 2, template: podTemplate },
        status: { succeeded: 2, failed: 7, startTime: ago(3500), conditions: [cond('FailureTarget'), cond('Failed')] },
      }),
      obj('batch/v1', 'Job', 'paused', 10, {
        spec: { completions: 3, suspend: true, template: podTemplate },
        status: { conditions: [cond('Suspended')] },
      }),
      obj('batch/v1', 'Job', 'stopping', 10, {
        spec: { template: podTemplate },
        status: { startTime: ago(9), conditions: [cond('FailureTarget')] },
      }, { deletionTimestamp: ago(1) }),
      obj('batch/v1', 'Job', 'doomed', 10, {
        spec: { template: podTemplate },
        status: { startTime: ago(9), conditions: [cond('FailureTarget')] },
      }),
    ];
    expect(printTable(jobs, { nowMs: NOW })).toBe(
      'NAME         STATUS          COMPLETIONS   DURATION   AGE\n' +
      'pi           Complete        1/1           40s        2m5s\n' +
      'work-queue   Running         0/1 of 3      30s        40s\n' +
      'fails        Failed          2/5           58m        60m\n' +
      'paused       Suspended       0/3                      10s\n' +
      'stopping     Terminating     0/1           9s         10s\n' +
      'doomed       FailureTarget   0/1           9s         10s\n',
    );
    expect(printTable(jobs.slice(0, 1), { nowMs: NOW, wide: true })).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE    CONTAINERS   IMAGES        SELECTOR\n' +
      'pi     Complete   1/1           40s        2m5s   pi           perl:5.34.0   batch.kubernetes.io/controller-uid=a1b2\n',
    );
  });
});

describe('CronJob table', () => {
  it('prints schedule, time zone, suspend, active jobs and last schedule', () => {
    const hello = obj('batch/v1', 'CronJob', 'hello', 600, {
      spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template: podTemplate } } },
      status: { active: [{ kind: 'Job', name: 'hello-29145432' }], lastScheduleTime: ago(25) },
    });
    const nightly = obj('batch/v1', 'CronJob', 'nightly-backup', 86400 * 9, {
      spec: { schedule: '0 3 * * *', timeZone: 'Asia/Shanghai', suspend: true, jobTemplate: { spec: { template: podTemplate } } },
      status: {},
    });
    expect(printTable([hello, nightly], { nowMs: NOW })).toBe(
      'NAME             SCHEDULE      TIMEZONE        SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
      'hello            */1 * * * *   <none>          False     1        25s             10m\n' +
      'nightly-backup   0 3 * * *     Asia/Shanghai   True      0        <none>          9d\n',
    );
    expect(printTable([hello], { nowMs: NOW, wide: true })).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE   CONTAINERS   IMAGES        SELECTOR\n' +
      'hello   */1 * * * *   <none>     False     1        25s             10m   pi           perl:5.34.0   <none>\n',
    );
  });
});
