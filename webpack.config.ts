// Extends create-plugin's webpack config (never edited): nested panels need their own logos in dist/panels/<name>/img.
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  return merge(base, {
    plugins: [new CopyWebpackPlugin({ patterns: [{ from: 'panels/*/img/*', to: '.' }] })],
  });
};

export default config;
