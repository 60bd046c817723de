import type { TableWriter } from './table-writer';

/**
 * A writer whose library loads on first use. The XLSX writer needs exceljs, which takes a fifth of a
 * second to load: a CSV export (or a preview, which writes nothing) should not pay for it.
 */
export function deferredWriter(load: () => Promise<TableWriter>): TableWriter {
  let loading: Promise<TableWriter> | null = null;
  let loaded: TableWriter | null = null;
  const writer = () => (loading ??= load().then((w) => (loaded = w)));
  return {
    writeRow(cells) {
      if (loaded) return loaded.writeRow(cells);
      return writer().then((w) => w.writeRow(cells));
    },
    async finish(legend) {
      return (await writer()).finish(legend);
    },
    async abort() {
      // Nothing was created if nothing was written.
      if (loading) await (await loading).abort();
    },
  };
}
