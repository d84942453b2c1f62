/** Charts over virtual time: pods by phase and requested vs allocatable CPU and memory. */
export { ChartsPanel } from './ChartsPanel';
export { useChartsStore, startChartSampling } from './charts-store';
