// Everything the emulator remembers, in memory. Records are keyed by id in Maps, so no id a
// client sends (`__proto__`, `constructor`) can reach anything but a stored record.
import { protocol, type components } from '../../protocol/index.js';
import type { MediaVerdict } from './asset-processing.js';
import { IdIssuer } from './ids.js';

type AssetGroupItem = components['schemas']['AssetGroupItem'];
type AssetItem = components['schemas']['AssetItem'];

/** How long a liveness session's BytedToken lives, from the document. */
export const sessionLifetimeMs = protocol.bytedTokenLifetimeSeconds * 1000;

/** How long an expired session still answers TokenExpired before it is forgotten (then: InvalidToken). */
export const expiredSessionGraceMs = sessionLifetimeMs;

/** A token is good for its lifetime from its creation, the last millisecond included. */
export function sessionIsExpired(session: StoredSession, now: number): boolean {
  return now - session.createdAt > sessionLifetimeMs;
}

export interface StoredGroup extends Pick<AssetGroupItem, 'Id' | 'Name' | 'Description' | 'GroupType' | 'ProjectName'> {
  customerId: string;
  createdAt: number;
  updatedAt: number;
}

export interface StoredAsset extends Required<Pick<AssetItem, 'Id' | 'GroupId' | 'Name' | 'AssetType' | 'ProjectName' | 'Moderation'>> {
  customerId: string;
  /** The URL the client gave; the media link redirects here. */
  sourceUrl: string;
  /** How processing will end, decided at creation; it shows once the processing delay is over. */
  verdict: MediaVerdict;
  createdAt: number;
  /** The last change a client made (creation or a rename); processing may end later still. */
  updatedAt: number;
}

export interface StoredSession {
  token: string;
  customerId: string;
  projectName: string;
  callbackUrl: string;
  createdAt: number;
  outcome: 'pending' | 'passed' | 'failed';
  /** The LivenessFace group made for a passed check, once GetVisualValidateResult made it. */
  groupId?: string;
}

/** Sessions a customer may have open (not yet forgotten) at once: memory stays bounded at any request rate. */
export const maxSessionsPerCustomer = 10_000;

export class EmulatorState {
  readonly groups = new Map<string, StoredGroup>();
  readonly assets = new Map<string, StoredAsset>();
  readonly #sessions = new Map<string, StoredSession>();
  readonly #sessionsByCustomer = new Map<string, number>();
  readonly ids = new IdIssuer();

  addSession(session: StoredSession): void {
    this.#sessions.set(session.token, session);
    this.#sessionsByCustomer.set(session.customerId, this.sessionCount(session.customerId) + 1);
  }

  sessionCount(customerId: string): number {
    return this.#sessionsByCustomer.get(customerId) ?? 0;
  }

  /** The session of `token`, unless there is none or it is past its grace period (then it is forgotten now). */
  session(token: string, now: number): StoredSession | undefined {
    const session = this.#sessions.get(token);
    if (session && now - session.createdAt > sessionLifetimeMs + expiredSessionGraceMs) {
      this.#forget(session);
      return undefined;
    }
    return session;
  }

  #forget(session: StoredSession): void {
    this.#sessions.delete(session.token);
    this.#sessionsByCustomer.set(session.customerId, this.sessionCount(session.customerId) - 1);
  }

  /** Groups of both types count toward the group quota. */
  groupCount(customerId: string): number {
    return countOwned(this.groups.values(), customerId);
  }

  assetCount(customerId: string): number {
    return countOwned(this.assets.values(), customerId);
  }

  /**
   * Forgets the sessions past their grace period, so memory does not grow with every session
   * ever made. Sessions are kept in creation order, so the sweep stops at the first one it keeps.
   */
  pruneSessions(now: number): void {
    for (const session of this.#sessions.values()) {
      if (now - session.createdAt <= sessionLifetimeMs + expiredSessionGraceMs) break;
      this.#forget(session);
    }
  }

  /** Deletes a group and every asset in it; the quota they held is free at once. */
  deleteGroup(groupId: string): void {
    this.groups.delete(groupId);
    for (const asset of [...this.assets.values()]) {
      if (asset.GroupId === groupId) this.assets.delete(asset.Id);
    }
  }
}

function countOwned(records: Iterable<{ customerId: string }>, customerId: string): number {
  let count = 0;
  for (const record of records) if (record.customerId === customerId) count += 1;
  return count;
}
