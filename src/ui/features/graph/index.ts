/** The live cluster graph (the app's stage) and the pod visual language other panels reuse. */
export { GraphPanel } from './GraphPanel';
export { StateIcon } from './components/StateIcon';
export { podVisual, visualStateOf, STATE_ORDER, type PodVisual, type PodVisualState } from './model/pod-state';
export { graphIndex, type GraphIndex } from './model/graph-index';
export { useGraphStore } from './graph-store';
