namespace Tessera.Smartex.Tests.Identity;

/// <summary>The test vectors of reference smartex.md §2.6 (A–D), verbatim.</summary>
internal static class TestVectors
{
    internal static class A
    {
        // smartexio/smartex-c-keyutils-library tests.c
        public const string PemBody =
            "MHQCAQEEILrVeiUtzVEodjMvTsMwKYDMn+0UN5fzCRY3vozAsRZnoAcGBSuBBAAKoUQDQgAE8Db3K3DhLumyt3haSuAlu74pXf7nd2nhVKdlbrp/cwe7AhU2Dj5aCbPX2aZXU/fGVlg8kwSt9fjlSFipl1wVvw==";

        public const string PrivateKey = "bad57a252dcd512876332f4ec3302980cc9fed143797f3091637be8cc0b11667";
        public const string PublicKey = "03f036f72b70e12ee9b2b7785a4ae025bbbe295dfee77769e154a7656eba7f7307";
        public const string Sha256OfPublicKey = "fa4235a27caaae40b1d018817e7dfa235c419743b25b221cc6076d823ee8e0e1";
        public const string Ripemd160 = "5b8eb05df35acf6429cc4967a7deb3c4744cc6f0";
        public const string Prefixed = "0f025b8eb05df35acf6429cc4967a7deb3c4744cc6f0";
        public const string Checksum = "21caa8bc";
        public const string Sin = "Tf5tYNrKfAdiSjuzsZwRbne6QyWpgKtH6DZ";

        public const string Message =
            "https://smartex.io/invoices{\"currency\":\"USD\",\"price\":10,\"token\":\"3yHuXP7GVbqEh1rsDaodCzbMR5TZsxbMHEPnigsKyY86\"}";

        public const string MessageSha256 = "d6de68f0352cd98ed5864d5bbf02aba52a157793e60546073d54444776cbba3d";

        public const string Signature =
            "304402205e131d93b5582e3bb33736c3115580cc3eab6cdea94ff5b37a1851314ef06e4002206cd88274efcc7a478b38affbe353c8cb98a4467ee4528f8a2815a23476ef5657";

        public static string Pem => WrapPem(PemBody);
    }

    internal static class Rfc6979
    {
        public const string Message = "Satoshi Nakamoto";

        public const string KeyOneK = "8f8a276c19f4149656b280621e358cce24f5f52542772691ee69063b74f15d15";
        public const string KeyOneR = "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8";
        public const string KeyOneS = "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5";

        public const string NMinusOne = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
        public const string NMinusOneR = "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0";
        public const string NMinusOneS = "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5";
    }

    internal static class B
    {
        // bitpay/bitpay-python(-py2) test/key_utils_test.py
        public const string PemBody =
            "MHQCAQEEICg7E4NN53YkaWuAwpoqjfAofjzKI7Jq1f532dX+0O6QoAcGBSuBBAAKoUQDQgAEjZcNa6Kdz6GQwXcUD9iJ+t1tJZCx7hpqBuJV2/IrQBfue8jh8H7Q/4vXfAArmNMaGotTpjdnymWlMfszzXJhlw==";

        public const string PrivateKey = "283b13834de77624696b80c29a2a8df0287e3cca23b26ad5fe77d9d5fed0ee90";
        public const string PublicKey = "038d970d6ba29dcfa190c177140fd889fadd6d2590b1ee1a6a06e255dbf22b4017";
        public const string Sin = "TeyN4LPrXiG5t2yuSamKqP3ynVk3F52iHrX";
        public const string Message = "message";

        public const string Signature =
            "3045022100ae98165a710565be8797ccff930d7fa52cee6a892c1e906e1f4061ff8f5fd80902200e889fded2a3c97b7a087850b29c0afea7e3dff3aa081bb0ad46fbd03fa39c30";

        public static string Pem => WrapPem(PemBody);
    }

    internal static class C
    {
        // bitpay/bitauth test/test.bitauth.js keysKnown; smartexio/sma test/rest-client.unit.js
        public const string PrivateKey = "97811b691dd7ebaeb67977d158e1da2c4d3eaa4ee4e2555150628acade6b344c";
        public const string PublicKey = "02326209e52f6f17e987ec27c56a1321acf3d68088b8fb634f232f12ccbc9a4575";
        public const string Sin = "Tf3yr5tYvccKNVrE26BrPs6LWZRh8woHwjR";

        public const string ValidSin = "TfG4ScDgysrSpodWD4Re5UtXmcLbY5CiUHA";
        public const string BadChecksumSin = "Tf1Jc1xSbqasm5QLwwSQc5umddx2h7mAMhX";

        public static readonly TheoryData<string, string> Signatures = new()
        {
            {
                "keyboard cat",
                "304402203f89233746b8dc0fc2acb1d84a9d06691afd41d054117825e405925f1994a650022065a9012c1abf152df6dadd55edf4a2487ab28dc90d959e5f075c543667b8087e"
            },
            {
                "https://smartex.io/tokens",
                "3045022100adb612470a36a81ff83f03171da84db4e0cea7dc8d3851536320d1ce2d47deb70220610b66d26af8dc967fca2f96d5581e4785d4d1fa15360f08d08a2ab14592629a"
            },
            {
                "https://smartex.io/invoices/AbCdEfGhIjKlMnOpQrStUv?token=5dF8eJxq9mQ1vRb2sTn4kLw7yZc3uHp6aGd0iEo",
                "3045022100918524711870e0ca1095ab1940297ea2fabba2eedea264c1c2283f0a2d394e7502204fbbf5295fea7e820a60941fcf14cfd1e3abbd1860c2dab96a492449f9ff9271"
            },
        };
    }

    internal static class D
    {
        // bitpay/php-bitpay-client tests/Bitpay/PublicKeyTest.php: private key, compressed public key, X, Y.
        public static readonly TheoryData<string, string, string, string> PublicKeys = new()
        {
            { "10a2036fd1c8f7aeae1e21cd2a11bb9654f76844d1636809618b5e2cbb00c35d", "031530ff12958742b22bf4a764e776db2e831b10b8177ea20460b89841256a24e9", "1530ff12958742b22bf4a764e776db2e831b10b8177ea20460b89841256a24e9", "2b5a428b0fa573ec26a69f528f327571dc0235657869617f0e12b68cd0554dd5" },
            { "e7723af2179ab2cfaf57508aae8ff7647d65ce55d59b0d482b4eec963930c421", "023718fcacdc89d213ab14b22bfe7babc335da572f6020ac60de65f80309cd146d", "3718fcacdc89d213ab14b22bfe7babc335da572f6020ac60de65f80309cd146d", "aae37beb4cd64ed0524d1441f2d8b1b75ddfb89e6e356f89b6f15cd6aec16146" },
            { "fd7c6914790d3bbf3184d9830e3f1a327e951e3478dd0b28f0fd3b0e774bbd68", "038fcc587b8dcca0f8bfc2651895dddaa479162abcd56e1d72d09db0a96c50a1f7", "8fcc587b8dcca0f8bfc2651895dddaa479162abcd56e1d72d09db0a96c50a1f7", "757c5a35fe6a1cd2263ee9a833c7b46c0d7194cf6a8771e2b35b3bbb47240c97" },
            { "b9873126380d2133edc00d709c5fb2230da121a4092592bed96c77ecfc4fd92a", "036bf5247bde7bfeee6a53da24a301332df2392db0de2e63757b795d07dec00fad", "6bf5247bde7bfeee6a53da24a301332df2392db0de2e63757b795d07dec00fad", "f1a7118bc9fab555924d3486bf6344ffb319e6424f40e8a424e07bae781cc893" },
            { "109ae03bf6654452d6b8fdaaa8efabccdc51c0e014bbf2bf3dd0fb0dc5443437", "03cf6db35e2a8149841cf85181f89e274c29bb3f454f61c97ce0c1352791516f4e", "cf6db35e2a8149841cf85181f89e274c29bb3f454f61c97ce0c1352791516f4e", "123045e499c2c97310167ae0f4107c4bfd47dfb826c707a1f4f80c7835d1f635" },
            { "f3c3a0a5696e4ca4218d6ebe05d3644f57d860d0b7aaf5369a47dd1eecf4850e", "02efa5c75a2e1ac5e958045681ea81ac0c132c18f09f49ad12284b938658d305f2", "efa5c75a2e1ac5e958045681ea81ac0c132c18f09f49ad12284b938658d305f2", "08291958f3f0eb8b5eb39edee5c2a043ba53d2918caa949732ffd88ed4dd843e" },
            { "bf69a0ce9606ca657b4d7fc5c8cf58fd90bb9bb3441bc62dd0e7329d6147c0bf", "02c31cc1f146e85a1db6539ab0a596d625b3b785fe2536733c799b0648a18f1e9e", "c31cc1f146e85a1db6539ab0a596d625b3b785fe2536733c799b0648a18f1e9e", "3bb303944f18b4a9e7629870e38b35988989e39b957ae0f04247aa8be8bc094c" },
            { "3be6d79171d4fe7532a3052141397b248919ad8181b99c0df5cf8932802aa959", "0306b5787b5112cb8c56005b325da6e82ca890d617a5d6797c3b39a758e67a1483", "06b5787b5112cb8c56005b325da6e82ca890d617a5d6797c3b39a758e67a1483", "ac55297820d5f4ce02f640860a783e8c364e1778000c6600306b0fb13ea6d829" },
            { "d5ed1fb84d65167d746eb8dc17e63e7b1f7b84182760b839a4d001e767239d6e", "02c9bcd9ee0fe7c69d6fe76fdc0e6f2ebd7165673ebb1c2cfa3f0497fa6117714a", "c9bcd9ee0fe7c69d6fe76fdc0e6f2ebd7165673ebb1c2cfa3f0497fa6117714a", "1a73cef26e65cda5a057bb73b22e32c452d3b732663c5826af10fa4310e498c2" },
            { "a9ebade62798200565f82ec01a04f614592704e3ea5a3c7907b94c0e8a9dd942", "03784b25686041b7ea7aa4c94fb1f56b5c1515d1f358895adaa8d9a824377cc3a2", "784b25686041b7ea7aa4c94fb1f56b5c1515d1f358895adaa8d9a824377cc3a2", "72a931ef1ecc18bb7111d5d9bf039a9b9219c75c6f7939f7b8b54a121d7bac9f" },
        };

        // The three pairs of reference §2.6 with their derived SINs.
        public static readonly TheoryData<string, string, string> Sins = new()
        {
            { "10a2036fd1c8f7aeae1e21cd2a11bb9654f76844d1636809618b5e2cbb00c35d", "031530ff12958742b22bf4a764e776db2e831b10b8177ea20460b89841256a24e9", "TfFRze6u6V9qHbYYvHt4qjjwCntEgM1tEm4" },
            { "e7723af2179ab2cfaf57508aae8ff7647d65ce55d59b0d482b4eec963930c421", "023718fcacdc89d213ab14b22bfe7babc335da572f6020ac60de65f80309cd146d", "TfLXPHxhwH5A9DfW8R8K1p2ednPbwd1muSn" },
            { "fd7c6914790d3bbf3184d9830e3f1a327e951e3478dd0b28f0fd3b0e774bbd68", "038fcc587b8dcca0f8bfc2651895dddaa479162abcd56e1d72d09db0a96c50a1f7", "TfHUrKXeqyNwZHp7neySQuy1XyHr39s9BWH" },
        };
    }

    /// <summary>Wraps a Base64 body into an EC PRIVATE KEY PEM with 64-character lines.</summary>
    public static string WrapPem(string body)
    {
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(i => body.Substring(i * 64, Math.Min(64, body.Length - (i * 64))));
        return "-----BEGIN EC PRIVATE KEY-----\n" + string.Join("\n", lines) + "\n-----END EC PRIVATE KEY-----\n";
    }
}
