// zod with `.openapi()` added, for every schema the server API uses: the same schemas parse the
// requests and describe them in the OpenAPI document (lib/api/openapi.ts), so the two can't drift.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
