-- wrk -s mi-post.lua: every request a JSON-RPC `version` POST on the same keep-alive connection
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","method":"version","id":1}'
wrk.headers["Content-Type"] = "application/json"
