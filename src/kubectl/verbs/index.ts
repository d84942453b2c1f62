/** Every kubectl verb this interpreter has, in one list (help groups them). */
import type { Command } from '../command';
import { getCommand } from './get';
import { describeCommand } from './describe';
import { deleteCommand } from './delete';
import { scaleCommand } from './scale';
import { applyCommand } from './apply';
import { createCommand } from './create';
import { labelCommand } from './label';
import { annotateCommand } from './annotate';
import { patchCommand } from './patch';
import { setCommand } from './set';
import { exposeCommand } from './expose';
import { runCommand } from './run';
import { apiResourcesCommand } from './api-resources';
import { apiVersionsCommand } from './api-versions';
import { versionCommand } from './version';
import { clusterInfoCommand } from './cluster-info';
import { configCommand } from './config';
import { taintCommand } from './taint';
import { cordonCommand, drainCommand, uncordonCommand } from './cordon';
import { explainCommand } from './explain';
import { logsCommand } from './logs';
import { rolloutCommand } from './rollout';

export const COMMANDS: Command[] = [getCommand, describeCommand, deleteCommand, scaleCommand, applyCommand, createCommand,
  labelCommand, annotateCommand, patchCommand, setCommand, exposeCommand, runCommand, apiResourcesCommand, apiVersionsCommand,
  versionCommand, clusterInfoCommand, configCommand, taintCommand, cordonCommand, uncordonCommand, drainCommand, explainCommand, logsCommand,
  rolloutCommand];
