/** The `./compat` entry (Node: reads folders and git): the compatibility gate that `pynenc-contract compat` runs. */
export * from '../compat/index';
