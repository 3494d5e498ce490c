import * as migration_20261126_204615_initial from './20261126_204615_initial';

export const migrations = [
  {
    up: migration_20261126_204615_initial.up,
    down: migration_20261126_204615_initial.down,
    name: '20261126_204615_initial'
  },
];
