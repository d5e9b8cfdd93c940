// The H5 liveness flow as far as it goes without a person: a session, then the pending result.
import type { Check } from '../context.js';
import { httpUrl } from '../../protocol/http-url.js';

export const livenessChecks: Check[] = [
  {
    name: 'liveness.session',
    title: 'CreateVisualValidateSession gives a token and an H5 link; the result is ValidatePending until the check is done',
    async run(ctx) {
      const callback = 'https://www.example.com/portrait/callback';
      const session = ctx.result(await ctx.call('CreateVisualValidateSession', { CallbackURL: callback }), 'CreateVisualValidateSession');
      ctx.expect('behaviours.livenessSession', session.BytedToken, 'CreateVisualValidateSession gave no BytedToken');
      ctx.expect('behaviours.livenessSession', httpUrl(session.H5Link) !== undefined, `H5Link is ${JSON.stringify(session.H5Link)}`);
      ctx.expect('behaviours.livenessSession', session.CallbackURL === callback, `CallbackURL came back as ${JSON.stringify(session.CallbackURL)}`);
      const pending = await ctx.call('GetVisualValidateResult', { BytedToken: session.BytedToken });
      ctx.error(pending, ['ValidatePending'], 'GetVisualValidateResult before the check', 'behaviours.livenessSession');
    },
  },
  {
    name: 'liveness.invalid-token',
    title: 'GetVisualValidateResult with an unknown token answers InvalidToken',
    async run(ctx) {
      const reply = await ctx.call('GetVisualValidateResult', { BytedToken: `contract-${ctx.state.tag}` });
      ctx.error(reply, ['InvalidToken'], 'GetVisualValidateResult with an unknown token', 'behaviours.livenessSession');
    },
  },
];
