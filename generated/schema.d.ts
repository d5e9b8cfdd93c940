export interface paths {
    "/portrait/?Action=CreateAssetGroup&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an AIGC portrait group
         * @description Creates an empty **AIGC** (virtual portrait) group. Call it once per virtual character or
         *     presenter you want to reuse, before adding any media. Only `AIGC` can be created here:
         *     **LivenessFace** real-person groups come from the liveness flow
         *     (CreateVisualValidateSession, then GetVisualValidateResult), never from this Action.
         *
         *     Each customer can keep up to **50 active groups**. When the quota is full, delete a group you
         *     no longer need with DeleteAssetGroup (the slot is released at once) and try again.
         *
         *     Next: call **CreateAsset** with the returned `Id` as `GroupId` to add images, video or audio
         *     to the group. This Action is not idempotent: after a 500 or a timeout, look for the group
         *     with ListAssetGroups (`Filter.Name`) before creating it again.
         *
         *     Errors: `MissingParameter`/`InvalidParameter` (400, or 200 from upstream; for example a
         *     missing `Name` or a `Description` over 300 characters), `AIGCNotAvailable` (403, AIGC group
         *     creation is not enabled for this account), `QuotaExceeded` (403, the customer already has
         *     50 active groups).
         */
        post: operations["CreateAssetGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=GetAssetGroup&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read one portrait group
         * @description Returns one group by its `Id`: its name, description, type (`AIGC` or `LivenessFace`),
         *     project and timestamps. Call it to check that a group id you stored still exists and belongs
         *     to your API key, to read a group back after UpdateAssetGroup, or to learn the type of the
         *     group that GetVisualValidateResult gave you.
         *
         *     Only groups of the customer that owns the API key are visible; another customer's group
         *     answers `Forbidden` or `NotFound`, never its content. `Title` is a deprecated alias of
         *     `Name`; read `Name`.
         *
         *     Next: add media with **CreateAsset** (`GroupId` = this `Id`), list the group's assets with
         *     ListAssets (`Filter.GroupIds`), or change it with UpdateAssetGroup.
         *
         *     Errors: `MissingParameter.Id`/`InvalidParameter.Id` (400, or 200 from upstream),
         *     `Forbidden` (403, the group is another customer's), `NotFound` (404, or 200 from upstream;
         *     no such group for this API key).
         */
        post: operations["GetAssetGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=ListAssetGroups&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List your portrait groups, page by page
         * @description Returns the API key's customer's groups, both `AIGC` and `LivenessFace`, one page at a
         *     time. Call it to find a group whose id you did not keep, to check how many of your 50
         *     active groups are in use (`TotalCount` with an empty `Filter`), or to look for a group by
         *     name before creating it again.
         *
         *     Filtering: every condition given in `Filter` must match. `Filter.Name` is a fuzzy
         *     (partial) match on the name, `Filter.GroupIds` picks up to 100 ids, and `Filter.GroupType`
         *     keeps only `AIGC` or only `LivenessFace` groups. An empty body `{}` lists everything with
         *     the defaults: `PageNumber` 1, `PageSize` 10, newest first (`SortBy` `CreateTime`,
         *     `SortOrder` `Desc`).
         *
         *     Paging: `PageSize` is 1 to 100. Ask for `PageNumber` 1, 2, 3 and so on; you have reached
         *     the last page when `PageNumber * PageSize >= TotalCount`, or when a page comes back with
         *     no `Items`. Groups created or deleted while you page can shift items between pages.
         *
         *     Next: read one group with GetAssetGroup, or add assets to it with **CreateAsset**.
         *
         *     Errors: `InvalidParameter` (400, or 200 from upstream; for example
         *     `InvalidParameter.PageSize` outside 1 to 100, or an unknown `SortBy`).
         */
        post: operations["ListAssetGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=UpdateAssetGroup&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename a group or change its description
         * @description Changes the `Name` and/or `Description` of one of your groups (`AIGC` or `LivenessFace`).
         *     Call it when a group's label no longer fits, for example after GetVisualValidateResult
         *     gave you a LivenessFace group you want to name after the person. Nothing else can change:
         *     the type, project and assets stay as they are, and any other field in the body (such as
         *     `GroupType` or `Title`) is refused with `InvalidParameter.<Field>`. Omitted fields keep
         *     their value.
         *
         *     The group's assets and their `asset://<Id>` references are not affected.
         *
         *     Next: the `Result` holds the group's `Id`; call **GetAssetGroup** to read the group back
         *     with its new values.
         *
         *     Errors: `MissingParameter.Id`/`InvalidParameter` (400, or 200 from upstream; for example
         *     a `Name` over 64 characters or a `Description` over 300), `Forbidden` (403, the group is
         *     another customer's), `NotFound` (404, or 200 from upstream; no such group for this API
         *     key).
         */
        post: operations["UpdateAssetGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=DeleteAssetGroup&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a group and its assets
         * @description Deletes one of your groups (`AIGC` or `LivenessFace`) **together with all of its
         *     assets**. Call it when a portrait is no longer needed, or to make room when
         *     CreateAssetGroup answers `QuotaExceeded`: the group's slot in the customer's 50
         *     active-group quota is released immediately. Deletion cannot be undone, and the deleted
         *     assets' `asset://<Id>` references stop working, so make sure no pending video generation
         *     still uses them.
         *
         *     Next: the `Result` is empty. Create a replacement with CreateAssetGroup if you need one;
         *     GetAssetGroup on the deleted id now answers `NotFound`.
         *
         *     Errors: `MissingParameter.Id`/`InvalidParameter.Id` (400, or 200 from upstream),
         *     `Forbidden` (403, the group is another customer's), `NotFound` (404, or 200 from upstream;
         *     no such group for this API key, including one that was already deleted).
         */
        post: operations["DeleteAssetGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=CreateAsset&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a media file to a group by URL
         * @description Adds an image, video or audio file to a portrait group (AIGC or LivenessFace) from a public
         *     URL. Upload the file to your own storage or CDN first: binary uploads and base64 are not
         *     accepted.
         *
         *     Processing is asynchronous. The new asset starts `Processing`; **poll GetAsset** with the
         *     returned `Id` until `Status` is `Active` (use it as `asset://<Id>`) or `Failed` (read
         *     `FailedReason`, fix the file and create a new asset).
         *
         *     Accepted files, by the extension the URL's path ends with: Image `.jpeg` `.jpg` `.png`
         *     `.webp` `.bmp` `.tiff` `.tif` `.gif` `.heic` `.heif`; Video `.mp4` `.mov`; Audio `.wav`
         *     `.mp3`. Media limits (the upstream's): images each side 300 to 6000 px, aspect ratio 0.4 to
         *     2.5, under 30 MB; video 480p, 720p or 1080p, 409,600 to 2,086,876 pixels in all, 24 to 60
         *     fps, 2 to 15 s, at most 50 MB; audio 2 to 15 s, at most 15 MB. A URL whose file is no such
         *     media ends `Failed` (assumed: a server may instead refuse it at once with
         *     `InvalidParameter.URL`).
         *
         *     `Moderation: {"Strategy": "Skip"}` turns off most of the content pre-filter for this asset
         *     (the upstream refuses it while the account's secure mode is on). `ProjectName` must be the
         *     group's own project, matched case-sensitively.
         *
         *     Errors: `MissingParameter`/`InvalidParameter` (400, or 200 from upstream), `Forbidden`
         *     (403, the group is another customer's), `QuotaExceeded` (403), `NotFound` (404, no such
         *     group).
         */
        post: operations["CreateAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=GetAsset&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read one asset and its processing status
         * @description Returns one asset of your own: its group, name, media type, `Status` and, once processed, a
         *     signed download `URL`.
         *
         *     This is the polling call after CreateAsset. A new asset is `Processing` and its `URL` is the
         *     empty string; **poll every few seconds** with the `Id` from CreateAsset until `Status` is
         *     `Active` (pass it to video generation as `asset://<Id>`) or `Failed` (read `FailedReason`,
         *     fix the file and call CreateAsset again with a new URL). Do not poll faster than you need:
         *     the call is rate limited.
         *
         *     The signed `URL` is valid for about 12 hours. URLs returned by ListAssets can expire while
         *     you hold them; call GetAsset whenever you need a fresh one.
         *
         *     Errors: `MissingParameter.Id`/`InvalidParameter.Id` (400, or 200 from upstream),
         *     `Forbidden` (403, the asset is another customer's), `NotFound` (404, or 200 from upstream,
         *     no such asset for this API key).
         */
        post: operations["GetAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=ListAssets&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * List your assets, with filters and paging
         * @description Returns a page of your own assets, across all groups or filtered by group, group type,
         *     status or name. Use it to find assets you did not keep the `Id` of, to check which assets of
         *     a group are `Active`, or to clean up `Failed` ones. Only the API key's own customer's assets
         *     are listed; another customer's group ids in `Filter.GroupIds` simply match nothing.
         *
         *     All `Filter` conditions must match; `Filter.Name` is a fuzzy match. Sort with `SortBy`
         *     (`CreateTime` by default, `UpdateTime` or `GroupId`) and `SortOrder` (`Desc` by default).
         *     An empty body `{}` lists the first 10 assets, newest first.
         *
         *     **Paging:** start at `PageNumber` 1 and increase it by one. You have the last page when
         *     `PageNumber * PageSize >= TotalCount`, or when a page comes back with no `Items`.
         *     `PageSize` is 1 to 100 (default 10).
         *
         *     The `URL` of each item is a signed link that can expire while you hold the list: call
         *     GetAsset for a fresh one before you download, and use `asset://<Id>` (not the URL) in
         *     video generation.
         *
         *     Errors: `InvalidParameter.<Field>` (400, or 200 from upstream), for example
         *     `InvalidParameter.PageSize` or an unknown `SortBy`.
         */
        post: operations["ListAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=UpdateAsset&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rename an asset
         * @description Changes the `Name` of one of your assets. The name is the only thing that can change: to
         *     replace the media, call CreateAsset with the new file (and DeleteAsset for the old one).
         *     Only `Id` is required, as upstream; without `Name` nothing changes.
         *
         *     The `Id` and any `asset://<Id>` reference you already use stay the same. The result holds
         *     the asset's `Id`; call GetAsset or ListAssets to read the asset back.
         *
         *     Errors: `MissingParameter.Id` and `InvalidParameter.Name` (400, or 200 from upstream), `Forbidden` (403, the asset is another customer's), `NotFound` (404, or
         *     200 from upstream, no such asset for this API key).
         */
        post: operations["UpdateAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=DeleteAsset&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete an asset
         * @description Permanently deletes one of your assets. Call it when a file is no longer wanted, or to clean
         *     up a `Failed` asset after you have created its replacement.
         *
         *     After deletion GetAsset answers `NotFound` for the `Id`, and `asset://<Id>` can no longer be
         *     used in new video generations. The asset's group is kept; delete the group with
         *     DeleteAssetGroup. The result is empty. If a retried DeleteAsset answers `NotFound`, an
         *     earlier attempt has most likely already deleted the asset.
         *
         *     Errors: `MissingParameter.Id`/`InvalidParameter.Id` (400, or 200 from upstream),
         *     `Forbidden` (403, the asset is another customer's), `NotFound` (404, or 200 from upstream,
         *     no such asset for this API key).
         */
        post: operations["DeleteAsset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=CreateVisualValidateSession&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start an H5 liveness check for a real person
         * @description Starts the liveness check that turns a real person into a `LivenessFace` portrait group.
         *     Call it when that person is ready to take the check: the returned `BytedToken` and `H5Link`
         *     live only about **120 seconds**.
         *
         *     1. Open `H5Link` on the person's phone (send the link or show it as a QR code). Add `lng`
         *        to its query for the page's language: `zh` (the default), `en` or `zh-Hant`. A link
         *        serves one check; if it has expired, create a new session.
         *     2. After the check, the person's browser is sent to your `CallbackURL` with the
         *        `LivenessCallbackQuery` added to the query:
         *        `bytedToken=...&resultCode=...&algorithmBaseRespCode=...&reqMeasureInfoValue=...&verify_type=real_time`.
         *        `resultCode=10000` means the check passed; any other value is an error code the
         *        upstream does not list, so the check did not pass.
         *     3. When your backend sees `resultCode=10000`, call **GetVisualValidateResult** with the
         *        `BytedToken` to get the new group's `GroupId`, then add assets to it with CreateAsset.
         *
         *     Errors: `MissingParameter.CallbackURL`/`InvalidParameter.CallbackURL` (400, or 200 from
         *     upstream). Liveness Actions have a low rate limit (`RateLimitExceeded`, 429).
         */
        post: operations["CreateVisualValidateSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/portrait/?Action=GetVisualValidateResult&Version=2024-01-01": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a liveness token for the new group's id
         * @description Returns the `GroupId` of the `LivenessFace` group created by a passed liveness check. Call it
         *     from your backend once your `CallbackURL` has received `resultCode=10000`, with the
         *     `BytedToken` from CreateVisualValidateSession (the callback also carries it as
         *     `bytedToken`). Call it promptly: the token is only valid for about 120 seconds.
         *
         *     Next, add the person's images, videos or audio to the group with CreateAsset (using the
         *     returned `GroupId`), poll GetAsset until they are `Active`, and use them as `asset://<Id>`.
         *
         *     If the check has not finished yet, the call answers `ValidatePending`: wait a moment and
         *     call again. `TokenExpired` means the session is older than 120 seconds, and
         *     `InvalidToken` that the token is unknown or belongs to another API key; in both cases start
         *     a new session with CreateVisualValidateSession.
         *
         *     Errors: `ValidatePending` (200), `TokenExpired` and `InvalidToken` (usually 200, from
         *     upstream), `MissingParameter.BytedToken`/`InvalidParameter.BytedToken` (400, or 200 from
         *     upstream), `QuotaExceeded` (403: the new group would pass the customer's 50 active groups;
         *     delete one and call again while the token is valid). Liveness Actions have a low rate limit
         *     (`RateLimitExceeded`, 429).
         */
        post: operations["GetVisualValidateResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    LivenessCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The person's browser arrives at your CallbackURL
         * @description Not an Action: the request your `CallbackURL` receives when the person finishes the H5
         *     check. Their browser is sent to the `CallbackURL` of CreateVisualValidateSession with the
         *     fields of `LivenessCallbackQuery` added to its query, for example
         *     `?bytedToken=…&resultCode=10000&algorithmBaseRespCode=0&reqMeasureInfoValue=1&verify_type=real_time`.
         *     On `resultCode=10000`, call GetVisualValidateResult with the token from your backend; any
         *     other `resultCode` is an error code the upstream does not list, so treat it as not passed.
         *     The upstream does not state the method; a browser redirect arrives as a GET.
         */
        get: operations["LivenessCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /**
         * @description A display name, 1 to 64 characters.
         * @example avatar-001
         */
        Name: string;
        /**
         * @description Free text, at most 300 characters.
         * @example Virtual presenter
         */
        Description: string;
        /**
         * @description The project that owns the resources. Optional on every Action; `default` when omitted. Case-sensitive: a resource is found only under its own project.
         * @default default
         * @example default
         */
        ProjectName: string;
        CreateAssetGroupRequest: {
            /**
             * @description Only `AIGC`; `LivenessFace` groups come from the liveness flow.
             * @default AIGC
             * @enum {string}
             */
            GroupType?: "AIGC";
            /** @description The group's display name, 1 to 64 characters. */
            Name: components["schemas"]["Name"];
            /** @description Older alias of `Name`, kept for compatibility. */
            Title?: components["schemas"]["Name"];
            /** @description Free text about the group, at most 300 characters. */
            Description?: components["schemas"]["Description"];
            /** @description The project the new group belongs to; `default` when omitted. Case-sensitive: later calls on the group must name the same project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /** @description Present on every response. `RequestId` identifies the call for support; quote it when you report a problem. On failure the same object also carries `Error` (see `ErrorResponse`). */
        ResponseMetadata: {
            /**
             * @description Unique id of this request.
             * @example 20260518163348A1B2C3D4E5F6A7B8C9
             */
            RequestId: string;
            /**
             * @description The Action that was called, echoed from the query string.
             * @example CreateAsset
             */
            Action: string;
            /**
             * @description The API version that was called, echoed from the query string.
             * @example 2024-01-01
             */
            Version: string;
            /**
             * @description Upstream service, `ark`.
             * @example ark
             */
            Service?: string;
            /**
             * @description Upstream region, `cn-beijing`.
             * @example cn-beijing
             */
            Region?: string;
        };
        /** @description The `ResponseMetadata` of a successful call, which never carries `Error`. */
        SuccessMetadata: components["schemas"]["ResponseMetadata"] & {
            Error?: never;
        };
        CreateAssetGroupResult: {
            /** @description The new group's id. */
            Id: string;
        };
        /** @description The success envelope of CreateAssetGroup. */
        CreateAssetGroupResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The new group's `Id`; add media to it with CreateAsset. */
            Result: components["schemas"]["CreateAssetGroupResult"];
        };
        /**
         * @description The documented base error codes (the part of `Error.Code` before any dot); the table in the API description says where each comes from and its usual HTTP status. Servers may answer with codes not listed here; treat an unknown code by its HTTP status.
         * @enum {string}
         */
        ErrorCode: "Unauthorized" | "Forbidden" | "QuotaExceeded" | "RateLimitExceeded" | "TokenExpired" | "InvalidToken" | "ValidatePending" | "AIGCNotAvailable" | "MissingParameter" | "InvalidParameter" | "NotFound" | "RequestEntityTooLarge" | "InternalError" | "InvalidActionOrVersion" | "MethodNotAllowed";
        /** @description What went wrong. `Code` is one of the `ErrorCode` values, optionally followed by a dot and the field or resource it concerns (`MissingParameter.GroupId`, `InvalidParameter.PageSize`). Branch on the part before the dot; show `Message` to people, not to code. */
        Error: {
            /**
             * @description A documented `ErrorCode`, possibly with a `.<Field>` suffix, or another code.
             * @example InvalidParameter.PageSize
             */
            Code: components["schemas"]["ErrorCode"] | string;
            /**
             * @description A readable explanation, for people: branch on `Code`, never on this text.
             * @example PageSize must be between 1 and 100.
             */
            Message: string;
            /**
             * @description Numeric code, present on gateway errors.
             * @example 100002
             */
            CodeN?: number;
        };
        /** @description The error envelope. It can arrive with any HTTP status, 200 included: whenever `ResponseMetadata.Error` is present the call failed, and `Result` is absent. */
        ErrorResponse: {
            /** @description The call's metadata, with `Error` saying what went wrong. */
            ResponseMetadata: components["schemas"]["ResponseMetadata"] & {
                /** @description What went wrong. Its presence means the call failed, whatever the HTTP status. */
                Error: components["schemas"]["Error"];
            };
            Result?: never;
        };
        /**
         * @description A portrait group id, as returned by CreateAssetGroup or GetVisualValidateResult. Upstream ids look like `group-20260518163348-xtzxl`; its reference pages redact them as `group-2026**********-*****`, so the pattern takes `*` too.
         * @example group-20260518163348-xtzxl
         */
        GroupId: string;
        GetAssetGroupRequest: {
            /** @description The group to read. */
            Id: components["schemas"]["GroupId"];
            /** @description The project the group belongs to; `default` when omitted. Case-sensitive: a group is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /**
         * @description `AIGC` for virtual portrait groups created with CreateAssetGroup; `LivenessFace` for real-person groups created by the H5 liveness flow (GetVisualValidateResult).
         * @enum {string}
         */
        GroupType: "AIGC" | "LivenessFace";
        /**
         * Format: date-time
         * @description An ISO-8601 UTC time.
         * @example 2026-05-18T16:33:48Z
         */
        Timestamp: string;
        /** @description A portrait group. Visible only to the API key's own customer. */
        AssetGroupItem: {
            /**
             * @description The group's id: pass it as `GroupId` to CreateAsset, or as `Id` to the other group Actions.
             * @example group-20260518163348-xtzxl
             */
            Id: string;
            /**
             * @description The group's display name.
             * @example avatar-001
             */
            Name: string;
            /**
             * @deprecated
             * @description Older alias of `Name`; read `Name` instead. Optional: the upstream leaves it out of GetAssetGroup and marks it as about to be removed from ListAssetGroups.
             * @example Avatar 001
             */
            Title?: string;
            /**
             * @description The group's free-text description.
             * @example Virtual presenter
             */
            Description: string;
            /** @description `AIGC` for a virtual portrait group (CreateAssetGroup), `LivenessFace` for a verified real person (the liveness flow). */
            GroupType: components["schemas"]["GroupType"];
            /**
             * @description The project the group belongs to.
             * @example default
             */
            ProjectName: string;
            /** @description When the group was created, an ISO-8601 UTC time. */
            CreateTime: components["schemas"]["Timestamp"];
            /** @description When the group last changed, an ISO-8601 UTC time. */
            UpdateTime: components["schemas"]["Timestamp"];
        };
        /** @description The group, as an `AssetGroupItem`. */
        GetAssetGroupResult: components["schemas"]["AssetGroupItem"];
        /** @description The success envelope of GetAssetGroup. */
        GetAssetGroupResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The group. */
            Result: components["schemas"]["GetAssetGroupResult"];
        };
        /**
         * @description The page to return, counting from 1. The reference pages the Lists with PageNumber and PageSize; the upstream's live probe saw `MaxResults` and `NextToken`, another revision of the API, which the document does not take.
         * @default 1
         */
        PageNumber: number;
        /**
         * @description Items per page, 1 to 100.
         * @default 10
         */
        PageSize: number;
        /**
         * @description Sort direction.
         * @default Desc
         * @enum {string}
         */
        SortOrder: "Desc" | "Asc";
        ListAssetGroupsRequest: {
            /** @description All given conditions must match. */
            Filter?: {
                /** @description Fuzzy match on the group name. */
                Name?: components["schemas"]["Name"];
                /** @description The groups to list from, at most 100, each once (limits the upstream does not set; the toolkit's). */
                GroupIds?: components["schemas"]["GroupId"][];
                /** @description Only groups of this type. */
                GroupType?: components["schemas"]["GroupType"];
            };
            /** @description The page to return, counting from 1. */
            PageNumber?: components["schemas"]["PageNumber"];
            /** @description Groups per page, 1 to 100. */
            PageSize?: components["schemas"]["PageSize"];
            /**
             * @description The time to sort by: `CreateTime` (the default) or `UpdateTime`.
             * @default CreateTime
             * @enum {string}
             */
            SortBy?: "CreateTime" | "UpdateTime";
            /** @description `Desc` (the default) or `Asc`. */
            SortOrder?: components["schemas"]["SortOrder"];
            /** @description The project to list; `default` when omitted. Case-sensitive. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        ListAssetGroupsResult: {
            /** @description This page's groups. */
            Items: components["schemas"]["AssetGroupItem"][];
            /** @description Matching items across all pages. */
            TotalCount: number;
            /** @description The page returned, counting from 1. */
            PageNumber: number;
            /** @description The page size the list was read with, 1 to 100. */
            PageSize: number;
        };
        /** @description The success envelope of ListAssetGroups. */
        ListAssetGroupsResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description One page of the matching groups, with their `TotalCount`. */
            Result: components["schemas"]["ListAssetGroupsResult"];
        };
        /** @description Only `Name` and `Description` can change; omitted fields keep their value. */
        UpdateAssetGroupRequest: {
            /** @description The group to change. */
            Id: components["schemas"]["GroupId"];
            /** @description The new display name, 1 to 64 characters; when omitted, the name stays. */
            Name?: components["schemas"]["Name"];
            /** @description The new description, at most 300 characters; when omitted, the description stays. */
            Description?: components["schemas"]["Description"];
            /** @description The project the group belongs to; `default` when omitted. Case-sensitive: a group is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /** @description The group's id, as the upstream answers it. */
        UpdateAssetGroupResult: {
            /**
             * @description The id of the group that was updated.
             * @example group-20260518163348-xtzxl
             */
            Id: string;
        };
        /** @description The success envelope of UpdateAssetGroup. */
        UpdateAssetGroupResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The updated group's `Id`. */
            Result: components["schemas"]["UpdateAssetGroupResult"];
        };
        DeleteAssetGroupRequest: {
            /** @description The group to delete, together with all of its assets; its slot of the active-group quota is released at once. */
            Id: components["schemas"]["GroupId"];
            /** @description The project the group belongs to; `default` when omitted. Case-sensitive: a group is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /** @description Empty on success; servers may add fields. */
        DeleteAssetGroupResult: Record<string, never>;
        /** @description The success envelope of DeleteAssetGroup. */
        DeleteAssetGroupResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description Nothing to read back: the group and its assets are gone. */
            Result: components["schemas"]["DeleteAssetGroupResult"];
        };
        /**
         * Format: uri
         * @description An absolute `http` or `https` URL reachable from the public internet.
         * @example https://example.com/portrait.png
         */
        HttpUrl: string;
        /**
         * @description The kind of media an asset holds.
         * @enum {string}
         */
        AssetType: "Image" | "Video" | "Audio";
        /**
         * @description The content pre-filter for one asset: `Default` keeps it on; `Skip` turns off most of it (not the baseline policies). The upstream answers an error to `Skip` on an account whose secure mode is still on.
         * @default Default
         * @enum {string}
         */
        ModerationStrategy: "Default" | "Skip";
        CreateAssetRequest: {
            /** @description The group the asset goes into: an `Id` from CreateAssetGroup or a `GroupId` from GetVisualValidateResult. */
            GroupId: components["schemas"]["GroupId"];
            /** @description A public URL of the media file. Binary uploads and base64 are not accepted: upload the file to your own storage or CDN first. */
            URL: components["schemas"]["HttpUrl"];
            /** @description The kind of media at `URL`: `Image`, `Video` or `Audio`. */
            AssetType: components["schemas"]["AssetType"];
            /** @description The asset's display name, 1 to 64 characters; optional. */
            Name?: components["schemas"]["Name"];
            /**
             * @description The content pre-filter for this asset: `{"Strategy": "Skip"}` turns off most of it. Default `{"Strategy": "Default"}`.
             * @default {
             *       "Strategy": "Default"
             *     }
             */
            Moderation?: {
                /** @description `Default` keeps the content pre-filter on; `Skip` turns off most of it. */
                Strategy: components["schemas"]["ModerationStrategy"];
            };
            /** @description The project of the group (`default` when omitted). Case-sensitive, and it must be the group's own project: another project's group answers `NotFound`. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        CreateAssetResult: {
            /** @description The new asset's id; poll GetAsset with it until `Status` is `Active` or `Failed`. */
            Id: string;
        };
        /** @description The success envelope of CreateAsset. */
        CreateAssetResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The new asset's `Id`; poll GetAsset until `Status` is `Active` or `Failed`. */
            Result: components["schemas"]["CreateAssetResult"];
        };
        /**
         * @description An asset id, as returned by CreateAsset. Pass it to video generation as `asset://<Id>`. Upstream ids look like `asset-20260318035710-xxxxx`; the upstream's reference pages print them as `Asset-2026**********-*****`, capitalised and redacted with `*`, so the pattern takes both.
         * @example asset-20260318035710-xxxxx
         */
        AssetId: string;
        GetAssetRequest: {
            /** @description The asset to read; poll it until `Status` is `Active` or `Failed`. */
            Id: components["schemas"]["AssetId"];
            /** @description The project the asset belongs to; `default` when omitted. Case-sensitive: a asset is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /**
         * @description `Processing` right after CreateAsset; it ends `Active` (usable as `asset://<Id>`) or `Failed` (see `FailedReason`).
         * @enum {string}
         */
        AssetStatus: "Processing" | "Active" | "Failed";
        /**
         * @description The content pre-filter an asset was created with.
         * @example {
         *       "Strategy": "Default"
         *     }
         */
        Moderation: {
            /** @description `Default` (the pre-filter on) or `Skip` (most of it off), as the asset was created with. */
            Strategy: components["schemas"]["ModerationStrategy"];
        };
        /** @description A media asset in a portrait group. Visible only to the API key's own customer. */
        AssetItem: {
            /**
             * @description The asset's id; once `Status` is `Active`, pass it to video generation as `asset://<Id>`.
             * @example asset-20260318035710-xxxxx
             */
            Id: string;
            /**
             * @description The group the asset belongs to.
             * @example group-20260331145705-xxxxx
             */
            GroupId: string;
            /**
             * @description The asset's display name.
             * @example front-face
             */
            Name: string;
            /** @description The kind of media: `Image`, `Video` or `Audio`. */
            AssetType: components["schemas"]["AssetType"];
            /** @description `Processing` right after CreateAsset; it ends `Active` (usable) or `Failed` (see `FailedReason`). */
            Status: components["schemas"]["AssetStatus"];
            /**
             * @description A signed download link, valid for about 12 hours; empty while `Processing`. Links in ListAssets can expire: call GetAsset for a fresh one.
             * @example https://ark-assets.example.com/asset-20260318035710-xxxxx.png?X-Signature=abc
             */
            URL: string;
            /**
             * @description Why processing failed; present when `Status` is `Failed`. The upstream reports the same as `Error {Code, Message}` on the asset; the reference names it `FailedReason` for this API, and the reference decides.
             * @example Image aspect ratio must be between 0.4 and 2.5.
             */
            FailedReason?: string;
            /** @description The content pre-filter the asset was created with (`Default` unless CreateAsset asked to `Skip`); the upstream's. */
            Moderation?: components["schemas"]["Moderation"];
            /**
             * @description The project the asset belongs to.
             * @example default
             */
            ProjectName?: string;
            /** @description When the asset was created, an ISO-8601 UTC time. */
            CreateTime: components["schemas"]["Timestamp"];
            /** @description When the asset last changed, an ISO-8601 UTC time. */
            UpdateTime: components["schemas"]["Timestamp"];
        };
        /** @description The asset, as an `AssetItem`. Poll this until `Status` is `Active` or `Failed`. */
        GetAssetResult: components["schemas"]["AssetItem"];
        /** @description The success envelope of GetAsset. */
        GetAssetResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The asset. */
            Result: components["schemas"]["GetAssetResult"];
        };
        ListAssetsRequest: {
            /** @description All given conditions must match. */
            Filter?: {
                /** @description Fuzzy match on the asset name. */
                Name?: components["schemas"]["Name"];
                /** @description The groups to list from, at most 100, each once (limits the upstream does not set; the toolkit's). */
                GroupIds?: components["schemas"]["GroupId"][];
                /** @description Only assets in groups of this type. */
                GroupType?: components["schemas"]["GroupType"];
                /** @description The statuses to list, each once. */
                Statuses?: components["schemas"]["AssetStatus"][];
            };
            /** @description The page to return, counting from 1. */
            PageNumber?: components["schemas"]["PageNumber"];
            /** @description Assets per page, 1 to 100. */
            PageSize?: components["schemas"]["PageSize"];
            /**
             * @description The field to sort by: `CreateTime` (the default), `UpdateTime` or `GroupId`.
             * @default CreateTime
             * @enum {string}
             */
            SortBy?: "CreateTime" | "UpdateTime" | "GroupId";
            /** @description `Desc` (the default) or `Asc`. */
            SortOrder?: components["schemas"]["SortOrder"];
            /** @description The project to list; `default` when omitted. Case-sensitive. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        ListAssetsResult: {
            /** @description This page's assets. Their `URL`s can expire: call GetAsset for a fresh one. */
            Items: components["schemas"]["AssetItem"][];
            /** @description Matching items across all pages. */
            TotalCount: number;
            /** @description The page returned, counting from 1. */
            PageNumber: number;
            /** @description The page size the list was read with, 1 to 100. */
            PageSize: number;
        };
        /** @description The success envelope of ListAssets. */
        ListAssetsResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description One page of the matching assets, with their `TotalCount`. */
            Result: components["schemas"]["ListAssetsResult"];
        };
        /** @description Only the name of an asset can change; without `Name` nothing changes. */
        UpdateAssetRequest: {
            /** @description The asset to rename. */
            Id: components["schemas"]["AssetId"];
            /** @description The new display name, 1 to 64 characters; when omitted, nothing changes. */
            Name?: components["schemas"]["Name"];
            /** @description The project the asset belongs to; `default` when omitted. Case-sensitive: a asset is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /** @description The asset's id, as the upstream answers it. */
        UpdateAssetResult: {
            /**
             * @description The id of the asset that was updated.
             * @example asset-20260318035710-xxxxx
             */
            Id: string;
        };
        /** @description The success envelope of UpdateAsset. */
        UpdateAssetResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The renamed asset's `Id`. */
            Result: components["schemas"]["UpdateAssetResult"];
        };
        DeleteAssetRequest: {
            /** @description The asset to delete. */
            Id: components["schemas"]["AssetId"];
            /** @description The project the asset belongs to; `default` when omitted. Case-sensitive: a asset is found only under its own project. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        /** @description Empty on success; servers may add fields. */
        DeleteAssetResult: Record<string, never>;
        /** @description The success envelope of DeleteAsset. */
        DeleteAssetResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description Nothing to read back: the asset is gone. */
            Result: components["schemas"]["DeleteAssetResult"];
        };
        CreateVisualValidateSessionRequest: {
            /**
             * @description Where the person's browser goes after the check, with `bytedToken`, `resultCode` (`10000` means passed) and the other fields of `LivenessCallbackQuery` added to the query.
             * @example https://www.example.com/portrait/callback
             */
            CallbackURL: components["schemas"]["HttpUrl"];
            /** @description The project to work in; `default` when omitted. Case-sensitive. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        CreateVisualValidateSessionResult: {
            /** @description Identifies the session; pass it to GetVisualValidateResult. Valid about 120 seconds (the reference and the upstream's guide; the upstream's reference page says 30 minutes). */
            BytedToken: string;
            /**
             * Format: uri
             * @description The page to open on the person's phone. Valid about 120 seconds, and for one check only. Its host and query vary; add `lng` to its query for the page's language: `zh` (the default), `en` or `zh-Hant`.
             */
            H5Link: string;
            /** @description The callback URL, echoed. */
            CallbackURL: string;
        };
        /** @description The success envelope of CreateVisualValidateSession. The reference wraps the liveness Results in the envelope, as the raw reply of the upstream's own sample program shows; the upstream's pages print the bare Result, as an SDK returns it. */
        CreateVisualValidateSessionResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The session: the `H5Link` to open on the person's phone and the `BytedToken` to collect the result with. */
            Result: components["schemas"]["CreateVisualValidateSessionResult"];
        };
        GetVisualValidateResultRequest: {
            /**
             * @description The token from CreateVisualValidateSession (also on the callback as `bytedToken`).
             * @example 20260516170000EXAMPLE
             */
            BytedToken: string;
            /** @description The project to work in; `default` when omitted. Case-sensitive. */
            ProjectName?: components["schemas"]["ProjectName"];
        };
        GetVisualValidateResultResult: {
            /** @description The new `LivenessFace` group that holds the verified person. */
            GroupId: string;
        };
        /** @description The success envelope of GetVisualValidateResult. The reference wraps the liveness Results in the envelope, as the raw reply of the upstream's own sample program shows; the upstream's pages print the bare Result, as an SDK returns it. */
        GetVisualValidateResultResponse: {
            /** @description The call's `RequestId`, `Action` and `Version`; never `Error`. */
            ResponseMetadata: components["schemas"]["SuccessMetadata"];
            /** @description The `GroupId` of the new `LivenessFace` group. */
            Result: components["schemas"]["GetVisualValidateResultResult"];
        };
        /**
         * @description The query the H5 liveness page adds to your `CallbackURL` when the person finishes the check, as the upstream sends it: every value is a string. Only `resultCode=10000` means the person passed; call GetVisualValidateResult with the token then. Any other `resultCode` is an error code the upstream does not list: treat it as not passed, and read `algorithmBaseRespCode` for its cause.
         * @example {
         *       "bytedToken": "20260516170000EXAMPLE",
         *       "resultCode": "10000",
         *       "algorithmBaseRespCode": "0",
         *       "reqMeasureInfoValue": "1",
         *       "verify_type": "real_time"
         *     }
         */
        LivenessCallbackQuery: {
            /**
             * @description The session's `BytedToken`. (The upstream's own documented example leaves it empty; a real callback carries the token.)
             * @example 20260516170000EXAMPLE
             */
            bytedToken: string;
            /**
             * @description `10000` when the person passed the check; any other value is an error code.
             * @example 10000
             */
            resultCode: string;
            /**
             * @description The liveness service's own sub-code; read it for the cause when `resultCode` is not `10000`.
             * @example 0
             */
            algorithmBaseRespCode?: string;
            /**
             * @description Whether this check is billed, `1`, or not, `0`.
             * @example 1
             * @enum {string}
             */
            reqMeasureInfoValue?: "0" | "1";
            /**
             * @description The kind of check; `real_time` today.
             * @example real_time
             */
            verify_type?: string;
        };
        /** @description A call of CreateAssetGroup. */
        CreateAssetGroupCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["CreateAssetGroupRequest"];
        };
        /** @description The result of CreateAssetGroup. */
        CreateAssetGroupCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["CreateAssetGroupResult"];
        };
        /** @description A call of GetAssetGroup. */
        GetAssetGroupCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["GetAssetGroupRequest"];
        };
        /** @description The result of GetAssetGroup. */
        GetAssetGroupCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["GetAssetGroupResult"];
        };
        /** @description A call of ListAssetGroups. */
        ListAssetGroupsCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "ListAssetGroups";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["ListAssetGroupsRequest"];
        };
        /** @description The result of ListAssetGroups. */
        ListAssetGroupsCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "ListAssetGroups";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["ListAssetGroupsResult"];
        };
        /** @description A call of UpdateAssetGroup. */
        UpdateAssetGroupCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "UpdateAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["UpdateAssetGroupRequest"];
        };
        /** @description The result of UpdateAssetGroup. */
        UpdateAssetGroupCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "UpdateAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["UpdateAssetGroupResult"];
        };
        /** @description A call of DeleteAssetGroup. */
        DeleteAssetGroupCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "DeleteAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["DeleteAssetGroupRequest"];
        };
        /** @description The result of DeleteAssetGroup. */
        DeleteAssetGroupCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "DeleteAssetGroup";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["DeleteAssetGroupResult"];
        };
        /** @description A call of CreateAsset. */
        CreateAssetCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateAsset";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["CreateAssetRequest"];
        };
        /** @description The result of CreateAsset. */
        CreateAssetCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateAsset";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["CreateAssetResult"];
        };
        /** @description A call of GetAsset. */
        GetAssetCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetAsset";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["GetAssetRequest"];
        };
        /** @description The result of GetAsset. */
        GetAssetCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetAsset";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["GetAssetResult"];
        };
        /** @description A call of ListAssets. */
        ListAssetsCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "ListAssets";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["ListAssetsRequest"];
        };
        /** @description The result of ListAssets. */
        ListAssetsCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "ListAssets";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["ListAssetsResult"];
        };
        /** @description A call of UpdateAsset. */
        UpdateAssetCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "UpdateAsset";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["UpdateAssetRequest"];
        };
        /** @description The result of UpdateAsset. */
        UpdateAssetCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "UpdateAsset";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["UpdateAssetResult"];
        };
        /** @description A call of DeleteAsset. */
        DeleteAssetCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "DeleteAsset";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["DeleteAssetRequest"];
        };
        /** @description The result of DeleteAsset. */
        DeleteAssetCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "DeleteAsset";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["DeleteAssetResult"];
        };
        /** @description A call of CreateVisualValidateSession. */
        CreateVisualValidateSessionCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateVisualValidateSession";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["CreateVisualValidateSessionRequest"];
        };
        /** @description The result of CreateVisualValidateSession. */
        CreateVisualValidateSessionCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "CreateVisualValidateSession";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["CreateVisualValidateSessionResult"];
        };
        /** @description A call of GetVisualValidateResult. */
        GetVisualValidateResultCall: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetVisualValidateResult";
            /** @constant */
            Version: "2024-01-01";
            Body: components["schemas"]["GetVisualValidateResultRequest"];
        };
        /** @description The result of GetVisualValidateResult. */
        GetVisualValidateResultCallResult: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            Action: "GetVisualValidateResult";
            /** @constant */
            Version: "2024-01-01";
            Result: components["schemas"]["GetVisualValidateResultResult"];
        };
        /** @description One call of the API, discriminated by `Action`: the query names the Action and the Version, and the body is that Action's request. It is sent as `POST /portrait/?Action=<Action>&Version=<Version>` with `Body` as the JSON body. */
        PortraitCall: components["schemas"]["CreateAssetGroupCall"] | components["schemas"]["GetAssetGroupCall"] | components["schemas"]["ListAssetGroupsCall"] | components["schemas"]["UpdateAssetGroupCall"] | components["schemas"]["DeleteAssetGroupCall"] | components["schemas"]["CreateAssetCall"] | components["schemas"]["GetAssetCall"] | components["schemas"]["ListAssetsCall"] | components["schemas"]["UpdateAssetCall"] | components["schemas"]["DeleteAssetCall"] | components["schemas"]["CreateVisualValidateSessionCall"] | components["schemas"]["GetVisualValidateResultCall"];
        /** @description The Result of one successful call, discriminated by `Action`. */
        PortraitCallResult: components["schemas"]["CreateAssetGroupCallResult"] | components["schemas"]["GetAssetGroupCallResult"] | components["schemas"]["ListAssetGroupsCallResult"] | components["schemas"]["UpdateAssetGroupCallResult"] | components["schemas"]["DeleteAssetGroupCallResult"] | components["schemas"]["CreateAssetCallResult"] | components["schemas"]["GetAssetCallResult"] | components["schemas"]["ListAssetsCallResult"] | components["schemas"]["UpdateAssetCallResult"] | components["schemas"]["DeleteAssetCallResult"] | components["schemas"]["CreateVisualValidateSessionCallResult"] | components["schemas"]["GetVisualValidateResultCallResult"];
    };
    responses: {
        /** @description `MissingParameter.<Field>` or `InvalidParameter.<Field>`: the body is not valid JSON, a required field is missing, or a value is out of range. Fix the request; retrying it unchanged fails again. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `Unauthorized`: the `Authorization: Bearer <key>` header is missing, or the key is invalid. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `RequestEntityTooLarge`: the body is over 1 MB (1,048,576 bytes). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `RateLimitExceeded`: the per-Action rate limit is passed. Wait (honour `Retry-After` when present) and retry. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before retrying, when the server knows. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `InternalError`: an unexpected failure on the server. Reads are safe to retry; check with a Get or List before retrying a Create. */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `Forbidden`: the resource belongs to another customer. Resources are scoped to the customer that owns the API key. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description `NotFound`: no such resource for this API key; another customer's resources also answer this way. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CreateAssetGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssetGroupRequest"];
            };
        };
        responses: {
            /** @description The new group's id, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateAssetGroupResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `AIGCNotAvailable`: AIGC group creation is not enabled for this account; `QuotaExceeded`: the customer already has 50 active groups (delete one with DeleteAssetGroup first). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    GetAssetGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetAssetGroupRequest"];
            };
        };
        responses: {
            /** @description The group, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAssetGroupResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    ListAssetGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListAssetGroupsRequest"];
            };
        };
        responses: {
            /** @description One page of groups, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAssetGroupsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateAssetGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAssetGroupRequest"];
            };
        };
        responses: {
            /** @description The group's `Id` on success, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateAssetGroupResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    DeleteAssetGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAssetGroupRequest"];
            };
        };
        responses: {
            /** @description An empty `Result` on success, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteAssetGroupResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssetRequest"];
            };
        };
        responses: {
            /** @description The new asset's id, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateAssetResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `Forbidden`: the group belongs to another customer; `QuotaExceeded`: the customer's asset quota is full. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    GetAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetAssetRequest"];
            };
        };
        responses: {
            /** @description The asset, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetAssetResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    ListAssets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ListAssetsRequest"];
            };
        };
        responses: {
            /** @description A page of assets, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAssetsResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    UpdateAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAssetRequest"];
            };
        };
        responses: {
            /** @description The asset's `Id`, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UpdateAssetResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    DeleteAsset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAssetRequest"];
            };
        };
        responses: {
            /** @description An empty result, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteAssetResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    CreateVisualValidateSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVisualValidateSessionRequest"];
            };
        };
        responses: {
            /** @description The session token and H5 link, or an upstream error delivered with HTTP 200 (check `ResponseMetadata.Error`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateVisualValidateSessionResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    GetVisualValidateResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GetVisualValidateResultRequest"];
            };
        };
        responses: {
            /** @description The new group's id, or an error delivered with HTTP 200 (check `ResponseMetadata.Error`): `ValidatePending`, `TokenExpired`, `InvalidToken`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetVisualValidateResultResponse"] | components["schemas"]["ErrorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description `QuotaExceeded`: the check passed, but the customer already has 50 active groups, so no LivenessFace group was created. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    LivenessCallback: {
        parameters: {
            query: {
                /** @description The fields of `LivenessCallbackQuery`, each a parameter of the query. */
                callback: components["schemas"]["LivenessCallbackQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your page, shown to the person in their browser. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
