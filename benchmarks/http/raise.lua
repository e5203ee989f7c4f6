-- wrk -s raise.lua: every request a JSON-RPC raise_event of E_BENCH (two params) on the same keep-alive connection
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","method":"raise_event","params":{"event":"E_BENCH","params":{"caller":"alice","n":7}},"id":1}'
wrk.headers["Content-Type"] = "application/json"
