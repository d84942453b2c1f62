/** The charts' UI strings in English and 简体中文 (pod phase names stay as the API writes them). */
import { defineMessages } from '../../i18n';

/** English texts (the reference catalog: the Chinese one has the same keys and placeholders). */
export const chartsEn = {
  'panel.label': 'Charts',
  'window.label': 'Time window',
  'window.minutes': '{count} min',
  'window.hour': '1 h',
  'pods.title': 'Pods by phase',
  'pods.scope': 'namespace {namespace}',
  'pods.scopeAll': 'all namespaces',
  'pods.axis': 'Pods',
  'cpu.title': 'CPU: requested vs allocatable',
  'cpu.axis': 'CPU (cores)',
  'memory.title': 'Memory: requested vs allocatable',
  'memory.axis': 'Memory (GiB)',
  'series.requested': 'Requested',
  'series.allocatable': 'Allocatable',
  'time.axis': 'Cluster time (UTC)',
  'waiting': 'Collecting samples: one every {seconds} s of cluster time. Run the clock or step it forward.',
};

/** 简体中文 texts. */
export const chartsZh: Record<keyof typeof chartsEn, string> = {
  'panel.label': '图表',
  'window.label': '时间窗口',
  'window.minutes': '{count} 分钟',
  'window.hour': '1 小时',
  'pods.title': '各阶段的 Pod 数量',
  'pods.scope': '命名空间 {namespace}',
  'pods.scopeAll': '全部命名空间',
  'pods.axis': 'Pod 数',
  'cpu.title': 'CPU：已请求与可分配',
  'cpu.axis': 'CPU（核）',
  'memory.title': '内存：已请求与可分配',
  'memory.axis': '内存（GiB）',
  'series.requested': '已请求',
  'series.allocatable': '可分配',
  'time.axis': '集群时间（UTC）',
  'waiting': '正在采样：集群时间每 {seconds} 秒一次。运行时钟或单步前进即可。',
};

/** The charts' `t` for the current language. */
export const useChartsT = defineMessages({ en: chartsEn, zh: chartsZh });
