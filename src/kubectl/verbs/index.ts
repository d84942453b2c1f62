/** Every kubectl verb this interpreter has, in one list (help groups them). */
import type { Command } from '../command';
import { getCommand } from './get';
import { describeCommand } from './describe';
import { deleteCommand } from './delete';
import { scaleCommand } from './scale';
import { applyCommand } from './apply';
import { createCommand } from './create';

export const COMMANDS: Command[] = [getCommand, describeCommand, deleteCommand, scaleCommand, applyCommand, createCommand];
