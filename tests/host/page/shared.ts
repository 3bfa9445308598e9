/**
 * Test-only: the modules Grafana shares with plugins, taken from the real npm packages in node_modules and
 * registered with SystemJS the way Grafana's plugin loader does (`package:<name>` + an import map).
 */
import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaRuntimeUnstable from '@grafana/runtime/unstable';
import * as grafanaUi from '@grafana/ui';
import i18next from 'i18next';
import lodash from 'lodash';
// eslint-disable-next-line no-restricted-imports -- Grafana shares moment with plugins, so the host must too.
import moment from 'moment';
import * as react from 'react';
import * as reactDom from 'react-dom';
import * as reactDomClient from 'react-dom/client';
import * as reactRouter from 'react-router';
import * as jsxRuntime from 'react/jsx-runtime';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';

// CommonJS default exports: the AMD extra hands `default` to the plugin when `__useDefault` is set.
const useDefault = (value: unknown) => ({ default: value, __useDefault: true });

export const sharedModules: Record<string, object> = {
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/runtime/unstable': grafanaRuntimeUnstable,
  '@grafana/ui': grafanaUi,
  i18next: useDefault(i18next),
  lodash: useDefault(lodash),
  moment: useDefault(moment),
  react,
  'react-dom': reactDom,
  'react-dom/client': reactDomClient,
  // Grafana maps this to react-router-dom-v5-compat (v6 API); the host's Router must use this same instance.
  'react-router': reactRouter,
  'react/jsx-runtime': jsxRuntime,
  rxjs,
  'rxjs/operators': rxjsOperators,
};

/** AMD dependencies that SystemJS's AMD extra provides itself. */
const AMD_BUILTINS = new Set(['module', 'exports', 'require']);

export const unmappedImports: string[] = [];

export function registerSharedModules(): void {
  const imports: Record<string, string> = {};
  for (const [name, ns] of Object.entries(sharedModules)) {
    System.set(`package:${name}`, ns as System.Module);
    imports[name] = `package:${name}`;
  }
  System.addImportMap({ imports });

  // Fail loudly on a bare specifier the host does not share, instead of letting SystemJS guess a URL.
  const resolve = System.resolve.bind(System);
  System.resolve = (id: string, parentUrl?: string) => {
    const bare = !/^(\.|\/|[a-z]+:)/i.test(id);
    if (bare && !(id in imports) && !AMD_BUILTINS.has(id)) {
      unmappedImports.push(id);
      throw new Error(`browser host: plugin imports "${id}", which the host does not share`);
    }
    return resolve(id, parentUrl);
  };
}
