// A Go server SDK's shape, standard library only: like dobyte/tencent-im (the most used Go SDK),
// it builds its own http.Transport with no Proxy function, skips certificate checks, closes every
// connection and hard-codes https://console.tim.qq.com. HTTPS_PROXY therefore never reaches it: the
// tests run it in a network namespace whose /etc/hosts maps Tencent's domains to the emulator on
// 443 (docs/clients.md). With -verify it checks the certificate against the system roots instead
// (SSL_CERT_FILE=<the emulator's CA>), as an SDK that does verify would.
package main

import (
	"bytes"
	"compress/zlib"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

const baseURL = "https://console.tim.qq.com"

// userSig mints a TLSSigAPIv2 UserSig, as the official packages do.
func userSig(sdkappid int, key, identifier string, expire int64) string {
	now := time.Now().Unix()
	content := fmt.Sprintf("TLS.identifier:%s\nTLS.sdkappid:%d\nTLS.time:%d\nTLS.expire:%d\n", identifier, sdkappid, now, expire)
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write([]byte(content))
	doc, _ := json.Marshal(map[string]interface{}{
		"TLS.ver": "2.0", "TLS.identifier": identifier, "TLS.sdkappid": sdkappid,
		"TLS.time": now, "TLS.expire": expire, "TLS.sig": base64.StdEncoding.EncodeToString(mac.Sum(nil)),
	})
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	w.Write(doc)
	w.Close()
	s := base64.StdEncoding.EncodeToString(z.Bytes())
	return strings.NewReplacer("+", "*", "/", "-", "=", "_").Replace(s)
}

func main() {
	verify := flag.Bool("verify", false, "check the server certificate against the system roots")
	group := flag.String("group", "go-group", "the group to add")
	flag.Parse()
	sdkappid, _ := strconv.Atoi(os.Getenv("TIM_SDKAPPID"))
	admin := os.Getenv("TIM_IDENTIFIER")
	key := os.Getenv("TIM_SECRET_KEY")
	transport := &http.Transport{DisableKeepAlives: true}
	if !*verify {
		transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	call := func(command string, body interface{}) map[string]interface{} {
		url := fmt.Sprintf("%s/v4/%s?sdkappid=%d&identifier=%s&usersig=%s&random=%d&contenttype=json",
			baseURL, command, sdkappid, admin, userSig(sdkappid, key, admin, 60), rand.Int31())
		data, _ := json.Marshal(body)
		res, err := client.Post(url, "application/json", bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, command, err)
			os.Exit(2)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		var out map[string]interface{}
		if err := json.Unmarshal(raw, &out); err != nil || out["ErrorCode"] != float64(0) {
			fmt.Fprintln(os.Stderr, command, res.StatusCode, string(raw))
			os.Exit(1)
		}
		fmt.Println(command, "OK", string(raw))
		return out
	}
	call("im_open_login_svc/multiaccount_import", map[string]interface{}{"Accounts": []string{"go_u1", "go_f1"}})
	call("sns/friend_import", map[string]interface{}{
		"From_Account":  "go_u1",
		"AddFriendItem": []map[string]string{{"To_Account": "go_f1", "AddSource": "AddSource_Type_Go"}},
	})
	call("sns/group_add", map[string]interface{}{"From_Account": "go_u1", "GroupName": []string{*group}, "To_Account": []string{"go_f1"}})
	got := call("sns/group_get", map[string]interface{}{"From_Account": "go_u1", "LastSequence": 0})
	groups, _ := json.Marshal(got["ResultItem"])
	if !strings.Contains(string(groups), *group) {
		fmt.Fprintln(os.Stderr, "group_get does not list", *group, string(groups))
		os.Exit(1)
	}
}
