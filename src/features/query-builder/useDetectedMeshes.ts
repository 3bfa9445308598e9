import { useEffect, useState } from 'react';
import type { MeshDef } from '../../model/catalogue';
import { detectionProbes } from '../../model/builder/detect';
import { dsInstantQuery } from '../../services/prometheus';

export type Detection =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'done'; ids: Set<string> };

/** The report's detection (pods running a mesh's data plane or node agents) at `time`, through the data source. */
export function useDetectedMeshes(uid: string | undefined, meshes: MeshDef[], time: number): Detection {
  const key = `${uid}|${time}|${meshes.map((m) => m.id).join(',')}`;
  const [result, setResult] = useState<{ key: string; value: Detection } | undefined>();
  useEffect(() => {
    if (!uid) {
      return;
    }
    let cancelled = false;
    const q = dsInstantQuery(uid, time);
    Promise.all(
      detectionProbes(meshes).map(async (p) => {
        const counts = await Promise.all(p.exprs.map(async (e) => (await q(e))[0]?.value ?? 0));
        return counts.some((c) => c > 0) ? (p.mesh.id as string) : '';
      })
    )
      .then((ids) => {
        const found = new Set(ids.filter((x) => x !== ''));
        return !cancelled && setResult({ key, value: { state: 'done', ids: found } });
      })
      .catch((e: Error) => !cancelled && setResult({ key, value: { state: 'error', message: e.message } }));
    return () => {
      cancelled = true;
    };
  }, [uid, meshes, time, key]);
  if (!uid) {
    return { state: 'done', ids: new Set() };
  }
  return result?.key === key ? result.value : { state: 'loading' };
}
