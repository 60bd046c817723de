import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { RecordKind } from '../../../shared/register/records';
import { createRecordListStore, type ListOptions, type RecordListState, type RecordListStore } from '../stores/record-list-store';
import { useRegisterChanges } from '../stores/register-changes-store';

/**
 * A list store for one table, loaded when the table appears and again after any change to the
 * register. Give the component a `key` that changes with `options.fixedFilters` to start afresh.
 */
export function useRecordList<K extends RecordKind>(kind: K, options: ListOptions = {}): [RecordListState<K>, RecordListStore<K>] {
  const [store] = useState(() => createRecordListStore(kind, options));
  const revision = useRegisterChanges((s) => s.revision);
  useEffect(() => {
    void store.getState().load();
  }, [store, revision]);
  useEffect(() => () => store.getState().reset(), [store]);
  return [useStore(store), store];
}
