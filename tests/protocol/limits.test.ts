// The limits the reference and the upstream notes give, at their boundaries. The negative tests
// prove the validators enforce the schemas; these prove the schemas say what the contract says.
import { describe, expect, it } from 'vitest';
import { validateRequest, type Action } from '../../src/protocol/index.js';

const group = 'group-20260518163348-xtzxl';
const cases: { action: Action; what: string; body: object; valid: boolean }[] = [
  { action: 'CreateAssetGroup', what: 'Name of 64 characters', body: { Name: 'n'.repeat(64) }, valid: true },
  { action: 'CreateAssetGroup', what: 'Name of 65 characters', body: { Name: 'n'.repeat(65) }, valid: false },
  { action: 'CreateAssetGroup', what: 'Description of 300 characters', body: { Name: 'n', Description: 'd'.repeat(300) }, valid: true },
  { action: 'CreateAssetGroup', what: 'Description of 301 characters', body: { Name: 'n', Description: 'd'.repeat(301) }, valid: false },
  { action: 'CreateAssetGroup', what: 'GroupType LivenessFace', body: { Name: 'n', GroupType: 'LivenessFace' }, valid: false },
  { action: 'CreateAssetGroup', what: 'no Name', body: { GroupType: 'AIGC' }, valid: false },
  { action: 'UpdateAssetGroup', what: 'a new GroupType', body: { Id: group, GroupType: 'AIGC' }, valid: false },
  { action: 'ListAssetGroups', what: 'an empty body', body: {}, valid: true },
  { action: 'ListAssetGroups', what: 'PageNumber 1', body: { PageNumber: 1 }, valid: true },
  { action: 'ListAssetGroups', what: 'PageNumber 0', body: { PageNumber: 0 }, valid: false },
  { action: 'ListAssetGroups', what: 'PageSize 100', body: { PageSize: 100 }, valid: true },
  { action: 'ListAssetGroups', what: 'PageSize 101', body: { PageSize: 101 }, valid: false },
  { action: 'ListAssetGroups', what: 'SortBy GroupId', body: { SortBy: 'GroupId' }, valid: false },
  { action: 'ListAssets', what: 'PageSize 1', body: { PageSize: 1 }, valid: true },
  { action: 'ListAssets', what: 'PageSize 0', body: { PageSize: 0 }, valid: false },
  { action: 'ListAssets', what: 'PageSize 2.5', body: { PageSize: 2.5 }, valid: false },
  { action: 'ListAssets', what: 'SortBy GroupId, SortOrder Asc', body: { SortBy: 'GroupId', SortOrder: 'Asc' }, valid: true },
  { action: 'ListAssets', what: 'Filter.Statuses Failed', body: { Filter: { Statuses: ['Failed'], GroupType: 'LivenessFace' } }, valid: true },
  { action: 'CreateAsset', what: 'an http URL', body: { GroupId: group, URL: 'http://cdn.example.com/a.mp3', AssetType: 'Audio' }, valid: true },
  { action: 'CreateAsset', what: 'an ftp URL', body: { GroupId: group, URL: 'ftp://example.com/a.png', AssetType: 'Image' }, valid: false },
  { action: 'CreateAsset', what: 'a base64 data URL', body: { GroupId: group, URL: 'data:image/png;base64,iVBORw0KGgo=', AssetType: 'Image' }, valid: false },
  { action: 'CreateAsset', what: 'AssetType Gif', body: { GroupId: group, URL: 'https://example.com/a.gif', AssetType: 'Gif' }, valid: false },
  { action: 'CreateAsset', what: 'an asset id as GroupId', body: { GroupId: 'asset-20260318035710-xxxxx', URL: 'https://example.com/a.png', AssetType: 'Image' }, valid: false },
  { action: 'UpdateAsset', what: 'only the Id, as upstream', body: { Id: 'asset-20260318035710-xxxxx' }, valid: true },
  { action: 'UpdateAsset', what: 'no Id', body: { Name: 'front-face' }, valid: false },
  { action: 'CreateAsset', what: 'Moderation Skip', body: { GroupId: 'group-20260331145705-xxxxx', URL: 'https://example.com/image.jpg', AssetType: 'Image', Moderation: { Strategy: 'Skip' } }, valid: true },
  { action: 'CreateAsset', what: 'Moderation of an unknown Strategy', body: { GroupId: 'group-20260331145705-xxxxx', URL: 'https://example.com/image.jpg', AssetType: 'Image', Moderation: { Strategy: 'Off' } }, valid: false },
  { action: 'GetAsset', what: "an Id as the upstream's pages print it, redacted", body: { Id: 'Asset-2026**********-*****' }, valid: true },
  { action: 'GetAsset', what: 'an Id with a slash', body: { Id: 'asset-2026/../x' }, valid: false },
  { action: 'GetAsset', what: 'ProjectName default', body: { Id: 'asset-20260318035710-xxxxx', ProjectName: 'default' }, valid: true },
  { action: 'GetAsset', what: 'an empty ProjectName', body: { Id: 'asset-20260318035710-xxxxx', ProjectName: '' }, valid: false },
  { action: 'CreateVisualValidateSession', what: 'a relative CallbackURL', body: { CallbackURL: '/callback' }, valid: false },
  { action: 'GetVisualValidateResult', what: 'an empty BytedToken', body: { BytedToken: '' }, valid: false },
];

describe('documented request limits', () => {
  it.each(cases)('$action with $what is valid: $valid', ({ action, body, valid }) => {
    expect(validateRequest(action, body).valid).toBe(valid);
  });
});
