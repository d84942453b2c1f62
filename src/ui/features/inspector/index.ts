/** The inspector: describe, live YAML, events, and for pods containers and logs, of the selected object. */
export { InspectorPanel } from './InspectorPanel';
