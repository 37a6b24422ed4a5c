// The rule catalog, in id order. Rule ids are public API.
import type { Rule } from './rule';
import { RB001 } from './RB001';
import { RB002 } from './RB002';
import { RB003 } from './RB003';
import { RB004 } from './RB004';
import { RB005 } from './RB005';
import { RB006 } from './RB006';
import { RB007 } from './RB007';
import { RB008 } from './RB008';
import { RB009 } from './RB009';
import { RB010 } from './RB010';
import { RB011 } from './RB011';
import { RB012 } from './RB012';
import { RB013 } from './RB013';
import { RB014 } from './RB014';
import { RB015 } from './RB015';
import { RB016 } from './RB016';
import { RB017 } from './RB017';
import { RB018 } from './RB018';
import { RB019 } from './RB019';
import { RB020 } from './RB020';
import { RB021 } from './RB021';
import { RB022 } from './RB022';
import { RB023 } from './RB023';
import { RB024 } from './RB024';
import { RR001 } from './RR001';
import { RR002 } from './RR002';
import { RR003 } from './RR003';
import { RR004 } from './RR004';
import { RR005 } from './RR005';
import { RR006 } from './RR006';
import { RR007 } from './RR007';
import { RR008 } from './RR008';
import { RR009 } from './RR009';
import { RR010 } from './RR010';
import { RR011 } from './RR011';
import { RR012 } from './RR012';
import { RR013 } from './RR013';
import { RR014 } from './RR014';
import { RR015 } from './RR015';
import { RR016 } from './RR016';

export const RULES: Rule[] = [
  RB001,
  RB002,
  RB003,
  RB004,
  RB005,
  RB006,
  RB007,
  RB008,
  RB009,
  RB010,
  RB011,
  RB012,
  RB013,
  RB014,
  RB015,
  RB016,
  RB017,
  RB018,
  RB019,
  RB020,
  RB021,
  RB022,
  RB023,
  RB024,
  RR001,
  RR002,
  RR003,
  RR004,
  RR005,
  RR006,
  RR007,
  RR008,
  RR009,
  RR010,
  RR011,
  RR012,
  RR013,
  RR014,
  RR015,
  RR016,
];

