// Route props as Next 16 passes them (both are promises). Spelled out instead of the generated
// PageProps helper, which only exists after `next typegen`/`next build`.
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type IdPageProps = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
