package dev.otabridge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otabridge.store.DeviceFirmware;
import dev.otabridge.store.JobInfo;
import dev.otabridge.store.Records;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordsReaderTest {

    private static final String DEVICE =
            "{\"orgId\":\"o\",\"assetId\":\"a\",\"productKey\":\"p\",\"deviceKey\":\"d\",\"firmwareVersion\":\"1\""
                    + ",\"isUpgrading\":true}";
    private static final String JOB =
            "{\"orgId\":\"o\",\"jobId\":\"j\",\"name\":{\"defaultValue\":\"n\",\"i18nValue\":{\"zh_CN\":\"名\"}},"
                    + "\"firmwareId\":\"f\",\"firmwareVersion\":\"1\",\"firmwareName\":{\"defaultValue\":\"fw\"},\"t"
                    + "ype\":\"upgrade\","
                    + "\"status\":\"started\",\"createTime\":5}";

    private final RecordsReader reader = new RecordsReader(new ObjectMapper());

    @Test
    void readsBothKindsInTheApisShapes() {
        Records records = reader.read("{\"devices\":[" + DEVICE + "],\"jobs\":[" + JOB + "]}");
        assertEquals(
                new DeviceFirmware("o", "a", "p", "d", "1", true),
                records.devices().get(0));
        JobInfo job = records.jobs().get(0);
        assertEquals(
                "{\"defaultValue\":\"n\",\"i18nValue\":{\"zh_CN\":\"名\"}}",
                job.name().toString());
        assertEquals(
                "{\"defaultValue\":\"fw\",\"i18nValue\":{}}", job.firmwareName().toString());
        assertEquals(7200, job.upgradeTimeout());
        assertEquals(false, job.enableUpgradeRequest());
        assertNull(job.productKey());
        assertNull(job.maximumConcurrency());
    }

    @Test
    void objectsStoredAsGivenKeepControlCharactersExactly() {
        Records records = reader.read("{\"jobs\":["
                + JOB.replace("\"createTime\":5", "\"createTime\":5,\"retryPolicy\":{\"note\":\"a\\u0000\\tb\"}")
                + "]}");
        assertEquals(
                "a\u0000\tb", records.jobs().get(0).retryPolicy().get("note").textValue());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"device\":[]}                         | Invalid Argument device:unknown key; a load document "
                        + "holds \"devices\", \"jobs\" and \"removedDevices\"",
                "{\"devices\":{}}                        | Invalid Argument devices:devices must be an array",
                "{\"devices\":[1]}                       | Invalid Argument devices[0]:each record must be a JSON "
                        + "object",
                "{\"devices\":[{\"orgId\":\"o\"}]}          | Invalid Argument devices[0].assetId:assetId is missing",
                "[]                                    | Invalid Argument body:the load document must be a JSON object",
            })
    void documentProblemsNameTheirPath(String document, String message) {
        assertEquals(
                message,
                assertThrows(ApiException.class, () -> reader.read(document)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"isUpgrading\":true          | \"isUpgrading\":\"yes\"  | devices[1].isUpgrading:isUpgrading must "
                        + "be true or false",
                "\"assetId\":\"a\"             | \"assetId\":\"\"        | devices[1].assetId:assetId must be a "
                        + "non-empty string",
                "\"productKey\":\"p\"          | \"productKey\":7      | devices[1].productKey:productKey must be a "
                        + "non-empty string",
                "\"orgId\":\"o\"               | \"orgId\":\"o\\u0009x\" | devices[1].orgId:orgId holds \\u0009 at "
                        + "character 2: control characters and lone surrogates are not stored",
                "\"orgId\":\"o\"               | \"orgId\":\"o\\n\"     | devices[1].orgId:orgId holds \\u000a at "
                        + "character 2: control characters and lone surrogates are not stored",
                "\"assetId\":\"a\"             | \"assetId\":\"😀\\u0000\" | devices[1].assetId:assetId holds \\u0000 "
                        + "at character 2: control characters and lone surrogates are not stored",
                "\"deviceKey\":\"d\"           | \"deviceKey\":\"d\\ud800\" | devices[1].deviceKey:deviceKey holds "
                        + "\\ud800 at character 2: control characters and lone surrogates are not stored",
            })
    void deviceFieldProblems(String good, String bad, String detail) {
        String document = "{\"devices\":[" + DEVICE + "," + DEVICE.replace(good, bad) + "]}";
        assertEquals(
                "Invalid Argument " + detail,
                assertThrows(ApiException.class, () -> reader.read(document)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"type\":\"upgrade\"      | \"type\":\"patch\"                | jobs[0].type:type must be one of "
                        + "[upgrade, verify]",
                "\"status\":\"started\"    | \"status\":\"running\"            | jobs[0].status:status must be one "
                        + "of [started, stopped]",
                "\"createTime\":5        | \"createTime\":-1               | jobs[0].createTime:createTime must be "
                        + "an integer from 0 to 9223372036854775807",
                "\"createTime\":5        | \"createTime\":5,\"upgradeTimeout\":10 | "
                        + "jobs[0].upgradeTimeout:upgradeTimeout must be an integer from 300 to 172800",
                "\"createTime\":5        | \"createTime\":5,\"upgradePolicy\":\"all\" | "
                        + "jobs[0].upgradePolicy:upgradePolicy must be one of [snapshot, incremental]",
                "\"createTime\":5        | \"createTime\":5,\"upgradeScope\":[] | jobs[0].upgradeScope:upgradeScope "
                        + "must be an object or null",
                "\"createTime\":5        | \"createTime\":5,\"maximumConcurrency\":0 | "
                        + "jobs[0].maximumConcurrency:maximumConcurrency must be an integer from 1 to 2147483647",
                "\"zh_CN\":\"名\"          | \"zh-CN\":\"名\"                  | jobs[0].name.i18nValue:'zh-CN' is not "
                        + "a locale such as zh_CN",
                "\"zh_CN\":\"名\"          | \"zh_CN\":5                     | jobs[0].name.i18nValue.zh_CN:zh_CN "
                        + "must be a string",
                "\"firmwareName\":{\"defaultValue\":\"fw\"} | \"firmwareName\":\"fw\" | "
                        + "jobs[0].firmwareName:firmwareName must be an object or null",
                "\"defaultValue\":\"n\"   | \"defaultValue\":\"n\\u0000\"  | jobs[0].name.defaultValue:defaultValue "
                        + "holds \\u0000 at character 2: control characters and lone surrogates are not stored",
                "\"createTime\":5        | \"createTime\":5,\"upgradeScope\":{\"tags\":[\"\\udc00\"]} | "
                        + "jobs[0].upgradeScope.tags[0]:holds a lone surrogate, which is not text",
            })
    void jobFieldProblems(String good, String bad, String detail) {
        String document = "{\"jobs\":[" + JOB.replace(good, bad) + "]}";
        assertEquals(
                "Invalid Argument " + detail,
                assertThrows(ApiException.class, () -> reader.read(document)).getMessage());
    }
}
