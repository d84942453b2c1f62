/**
 * Tables of the workload controllers: Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController,
 * ControllerRevision and PodTemplate.
 * Models pkg/printers/internalversion/printers.go printDeployment, printReplicaSet, printStatefulSet,
 * printDaemonSet, printReplicationController, printControllerRevision, printPodTemplate.
 */
import type {
  ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet, Stored,
} from '../../../engine';
import type { PodTemplate, ReplicationController } from 'kubernetes-types/core/v1';
import {
  formatLabelSelector, formatLabels, labelSelectorString, layoutContainerCells, translateTimestampSince,
} from '../format';
import { AGE_COLUMN, NAME_COLUMN, as, col, wideCol, type KindHandler } from './handler';

const TEMPLATE_COLUMNS = [wideCol('CONTAINERS'), wideCol('IMAGES')];

/** `kubectl get deployments`. */
export const deploymentHandler: KindHandler = {
  kinds: ['Deployment'],
  columns: [NAME_COLUMN, col('READY'), col('UP-TO-DATE'), col('AVAILABLE'), AGE_COLUMN, ...TEMPLATE_COLUMNS, wideCol('SELECTOR')],
  row(obj, { nowMs }) {
    const d = as<Stored<Deployment>>(obj);
    const st = d.status ?? {};
    // The apiserver defaults spec.replicas to 1.
    const desired = d.spec?.replicas ?? 1;
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
    return [
      d.metadata.name, `${st.readyReplicas ?? 0}/${desired}`, String(st.updatedReplicas ?? 0),
      String(st.availableReplicas ?? 0), translateTimestampSince(d.metadata.creationTimestamp, nowMs),
      // Deployments print selector.String() directly: an empty selector is an empty cell, not <none>.
      names, images, labelSelectorString(d.spec?.selector),
    ];
  },
};

/** `kubectl get replicasets`. */
export const replicaSetHandler: KindHandler = {
  kinds: ['ReplicaSet'],
  columns: [NAME_COLUMN, col('DESIRED'), col('CURRENT'), col('READY'), AGE_COLUMN, ...TEMPLATE_COLUMNS, wideCol('SELECTOR')],
  row(obj, { nowMs }) {
    const rs = as<Stored<ReplicaSet>>(obj);
    const st = rs.status ?? { replicas: 0 };
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name, String(rs.spec?.replicas ?? 1), String(st.replicas ?? 0), String(st.readyReplicas ?? 0),
      translateTimestampSince(rs.metadata.creationTimestamp, nowMs),
      names, images, formatLabelSelector(rs.spec?.selector),
    ];
  },
};

/** `kubectl get statefulsets`. */
export const statefulSetHandler: KindHandler = {
  kinds: ['StatefulSet'],
  columns: [NAME_COLUMN, col('READY'), AGE_COLUMN, ...TEMPLATE_COLUMNS],
  row(obj, { nowMs }) {
    const sts = as<Stored<StatefulSet>>(obj);
    const [names, images] = layoutContainerCells(sts.spec?.template?.spec?.containers);
    return [
      sts.metadata.name, `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
      translateTimestampSince(sts.metadata.creationTimestamp, nowMs), names, images,
    ];
  },
};

/** `kubectl get daemonsets`. */
export const daemonSetHandler: KindHandler = {
  kinds: ['DaemonSet'],
  columns: [
    NAME_COLUMN, col('DESIRED'), col('CURRENT'), col('READY'), col('UP-TO-DATE'), col('AVAILABLE'),
    col('NODE SELECTOR'), AGE_COLUMN, ...TEMPLATE_COLUMNS, wideCol('SELECTOR'),
  ],
  row(obj, { nowMs }) {
    const ds = as<Stored<DaemonSet>>(obj);
    const st = ds.status;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [
      ds.metadata.name, String(st?.desiredNumberScheduled ?? 0), String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0), String(st?.updatedNumberScheduled ?? 0), String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template?.spec?.nodeSelector), translateTimestampSince(ds.metadata.creationTimestamp, nowMs),
      names, images, formatLabelSelector(ds.spec?.selector),
    ];
  },
};

/** `kubectl get replicationcontrollers`. */
export const replicationControllerHandler: KindHandler = {
  kinds: ['ReplicationController'],
  columns: [NAME_COLUMN, col('DESIRED'), col('CURRENT'), col('READY'), AGE_COLUMN, ...TEMPLATE_COLUMNS, wideCol('SELECTOR')],
  row(obj, { nowMs }) {
    const rc = as<Stored<ReplicationController>>(obj);
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [
      rc.metadata.name, String(rc.spec?.replicas ?? 1), String(rc.status?.replicas ?? 0),
      String(rc.status?.readyReplicas ?? 0), translateTimestampSince(rc.metadata.creationTimestamp, nowMs),
      names, images, formatLabels(rc.spec?.selector),
    ];
  },
};

/** `kubectl get controllerrevisions`: CONTROLLER is `<kind>.<group>/<name>` of the controlling owner. */
export const controllerRevisionHandler: KindHandler = {
  kinds: ['ControllerRevision'],
  columns: [NAME_COLUMN, col('CONTROLLER'), col('REVISION'), AGE_COLUMN],
  row(obj, { nowMs }) {
    const cr = as<Stored<ControllerRevision>>(obj);
    const owner = cr.metadata.ownerReferences?.find((o) => o.controller === true);
    let controller = '<none>';
    if (owner) {
      // Models printers.go formatResourceName: lower-cased GroupKind.String() + "/" + name.
      const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0]! : '';
      const groupKind = group ? `${owner.kind}.${group}` : owner.kind;
      controller = groupKind === '' ? owner.name : `${groupKind.toLowerCase()}/${owner.name}`;
    }
    return [cr.metadata.name, controller, String(cr.revision ?? 0), translateTimestampSince(cr.metadata.creationTimestamp, nowMs)];
  },
};

/** `kubectl get podtemplates` (no AGE column upstream). */
export const podTemplateHandler: KindHandler = {
  kinds: ['PodTemplate'],
  columns: [NAME_COLUMN, col('CONTAINERS'), col('IMAGES'), col('POD LABELS')],
  row(obj) {
    const pt = as<Stored<PodTemplate>>(obj);
    const [names, images] = layoutContainerCells(pt.template?.spec?.containers);
    return [pt.metadata.name, names, images, formatLabels(pt.template?.metadata?.labels)];
  },
};
